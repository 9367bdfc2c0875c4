using System.Collections.Concurrent;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// A project the user's last build compiled from what it holds now is not compiled again to find errors, as long as
/// what it binds to in the projects it references is as built; anything else, and it is compiled. Real builds, real loads.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LastBuildTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    private const string Dependent = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
        </Project>
        """;

    private const string Numbers = """
        namespace Lib;

        public static class Numbers
        {
            public static int Twice(int value) => value * 2;

            public static int Next(int value) => value + 1;
        }
        """;

    [Fact]
    public async Task ErrorInAMemberBody_LeavesTheDependentAsBuilt_AndARepairThatKeepsTheDeclarationsConfirmsIt()
    {
        using var solution = await BuiltAsync();
        Edit(solution, "Lib/Numbers.cs", "value * 2", "valeu * 2");

        using var loaded = await LoadAsync(solution);
        var (errors, compiled) = Diagnosed(loaded);
        var found = await errors.FindAsync(loaded.Solution, CancellationToken.None);

        Assert.Equal("CS0103", Assert.Single(found).Diagnostic.Id);
        Assert.Equal(["Lib"], compiled);
        var repaired = WithText(loaded.Solution, solution.File("Lib/Numbers.cs"), Numbers);
        Assert.True(await errors.ConfirmAsync(repaired, CancellationToken.None));
        Assert.Equal(["Lib"], compiled);

        // A repair that changes what Lib declares proves nothing of the build: App is compiled as loaded, and has no error.
        var renamed = WithText(loaded.Solution, solution.File("Lib/Numbers.cs"), Numbers.Replace("Next", "Following", StringComparison.Ordinal));
        Assert.True(await errors.ConfirmAsync(renamed, CancellationToken.None));
        Assert.Equal(["App", "Lib"], compiled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangedDeclarations_OrADependentTouchedSinceTheBuild_AreCompiled()
    {
        using var solution = await BuiltAsync();
        Edit(solution, "Lib/Numbers.cs", "int Twice(", "int Double(");

        using (var loaded = await LoadAsync(solution))
        {
            var (errors, compiled) = Diagnosed(loaded);
            var found = await errors.FindAsync(loaded.Solution, CancellationToken.None);

            Assert.Equal(["App", "Lib"], compiled.Order(StringComparer.Ordinal));
            Assert.Equal(("CS0117", "App"), (Assert.Single(found).Diagnostic.Id, Assert.Single(found).Project.Name));
        }

        // Lib back to what it declared when built, its body changed: its reference assembly vouches for App.
        Edit(solution, "Lib/Numbers.cs", "int Double(int value) => value * 2", "int Twice(int value) => value * 3");
        using (var loaded = await LoadAsync(solution))
        {
            var (errors, compiled) = Diagnosed(loaded);
            Assert.Empty(await errors.FindAsync(loaded.Solution, CancellationToken.None));
            Assert.Equal(["Lib"], compiled);
        }

        Edit(solution, "App/Use.cs", "2", "2");
        using (var loaded = await LoadAsync(solution))
        {
            var (errors, compiled) = Diagnosed(loaded);
            Assert.Empty(await errors.FindAsync(loaded.Solution, CancellationToken.None));
            Assert.Equal(["App", "Lib"], compiled.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Fix_WhenTheRepairedProjectAlsoChangedWhatItDeclares_RepairsAgainWithEveryProjectCompiled()
    {
        using var solution = await BuiltAsync();
        // An error inside a body, and a rename the dependent does not follow yet: the build cannot vouch for App.
        Edit(solution, "Lib/Numbers.cs", "value + 1", "valeu + 1");
        Edit(solution, "Lib/Numbers.cs", "int Twice(", "int Double(");

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions(Tests: TestMode.None));

        Assert.Contains("value + 1", File.ReadAllText(solution.File("Lib/Numbers.cs")), StringComparison.Ordinal);
        Assert.Contains(result.Errors, record => record.Error.Id == "CS0117" && record.Error.ProjectName == "App");
        Assert.False(result.IsClean);
    }

    // Lib, and App using it, built by the SDK.
    private static async Task<TemporarySolution> BuiltAsync()
    {
        var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = Project,
            ["Lib/Numbers.cs"] = Numbers,
            ["App/App.csproj"] = Dependent,
            ["App/Use.cs"] = "namespace App;\n\npublic static class Use\n{\n    public static int Four() => Lib.Numbers.Twice(2);\n}\n",
        });
        var (exit, output) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");
        Assert.True(exit == 0, output);
        return solution;
    }

    private static void Edit(TemporarySolution solution, string file, string find, string replace)
    {
        var path = solution.File(file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replace, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(1));
    }

    private static Task<LoadedSolution> LoadAsync(TemporarySolution solution) =>
        WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory), LoadOptions.Default, CompilerHost.Services);

    // Errors found with the last build read, and the names of the projects compiled to find them.
    private static (SolutionErrors Errors, ConcurrentBag<string> Compiled) Diagnosed(LoadedSolution loaded)
    {
        var compiled = new ConcurrentBag<string>();
        var errors = new SolutionErrors(
            (project, token) =>
            {
                compiled.Add(project.Name);
                return BuildErrors.OfProjectAsync(project, documentationBuilt: false, token);
            },
            new LastBuild(loaded.Solution, loaded.Outputs, loaded.RootDirectory, loaded.ProjectsDiagnosingDocumentation));
        return (errors, compiled);
    }

    private static Solution WithText(Solution solution, string path, string text) =>
        solution.WithDocumentText(solution.GetDocumentIdsWithFilePath(path).Single(), SourceText.From(text));
}
