using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>
/// A solution MSBuild loaded is recorded (LoadCache), opened again from the record without MSBuild as an equivalent
/// solution, handed out only while the files it names are unchanged, and told apart from MSBuild's load where a change
/// they do not name (an imported file) made another solution.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LoadRecordTests
{
    // A library with the settings a design-time build turns into compiler arguments (defines from an imported file,
    // nullable, warnings as errors, suppressed ids, unsafe code, a linked file, an additional file), and an application
    // referencing it under an alias.
    private static readonly Dictionary<string, string> Files = new()
    {
        ["build/common.props"] = """
            <Project>
              <PropertyGroup>
                <DefineConstants>$(DefineConstants);FROM_IMPORT</DefineConstants>
              </PropertyGroup>
            </Project>
            """,
        ["Lib/Lib.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="../build/common.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS0168</NoWarn>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="../Shared/Linked.cs" Link="Common/Linked.cs" />
                <AdditionalFiles Include="words.txt" />
              </ItemGroup>
            </Project>
            """,
        ["Lib/Calc.cs"] = """
            namespace Lib;

            /// <summary>Arithmetic.</summary>
            public static class Calc
            {
            #if FROM_IMPORT
                /// <summary>Twice <paramref name="value"/>.</summary>
                /// <param name="value">A number.</param>
                /// <returns>The double.</returns>
                public static int Twice(int value) => value * 2;
            #endif
            }
            """,
        ["Lib/words.txt"] = "one\ntwo\n",
        ["Shared/Linked.cs"] = "namespace Lib;\n\n/// <summary>Linked in.</summary>\npublic static class Linked { }\n",
        ["App/App.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" Aliases="lib" />
              </ItemGroup>
            </Project>
            """,
        ["App/Program.cs"] = "extern alias lib;\n\nSystem.Console.WriteLine(lib::Lib.Calc.Twice(2));\n",
    };

    [Fact]
    public async Task ARecordedSolution_OpensAsTheSameSolution_AndCompilesAlike()
    {
        using var solution = TemporarySolution.FromFiles(Files);
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        using var loaded = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default, CompilerHost.Services);
        var cache = new LoadCache(cacheFolder.Path);

        Assert.True(await cache.WriteAsync(loaded, LoadOptions.Default, CancellationToken.None));
        var record = cache.TryRead(path, LoadOptions.Default);

        Assert.NotNull(record);
        using var opened = await RecordedLoad.OpenAsync(path, record, CompilerHost.Services, CancellationToken.None);
        Assert.Null(await LoadEquivalence.DifferenceAsync(loaded, opened, CancellationToken.None));
        var app = opened.Solution.Projects.Single(project => project.Name == "App");
        Assert.Equal("lib", Assert.Single(Assert.Single(app.ProjectReferences).Aliases));
        Assert.Contains(opened.Solution.Projects.Single(project => project.Name == "Lib").Documents, document => document.Folders.SequenceEqual(["Common"]));
        foreach (var project in opened.Solution.Projects)
        {
            var compilation = await project.GetCompilationAsync();
            Assert.Empty(compilation!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        }
    }

    [Fact]
    public async Task ARecord_IsNotHandedOut_OnceAProjectFileChanges_OrASourceFileIsAdded()
    {
        using var solution = TemporarySolution.FromFiles(Files);
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        var cache = await RecordedAsync(path, cacheFolder);

        Assert.NotNull(cache.TryRead(path, LoadOptions.Default));
        Assert.Null(cache.TryRead(path, LoadOptions.Default with { Properties = new Dictionary<string, string> { ["Configuration"] = "Release" } }));

        File.WriteAllText(solution.File("Lib/More.cs"), "namespace Lib;\n");
        Assert.Null(cache.TryRead(path, LoadOptions.Default));
        File.Delete(solution.File("Lib/More.cs"));
        Assert.NotNull(cache.TryRead(path, LoadOptions.Default));

        File.AppendAllText(solution.File("App/App.csproj"), "\n");
        Assert.Null(cache.TryRead(path, LoadOptions.Default));
    }

    [Fact]
    public async Task AChangeTheStampsDoNotName_IsSeenByComparingWithMSBuildsLoad()
    {
        using var solution = TemporarySolution.FromFiles(Files);
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        var cache = await RecordedAsync(path, cacheFolder);

        // An explicit import is not among the files a record is stamped with: it is still handed out.
        File.WriteAllText(solution.File("build/common.props"), "<Project />\n");
        var record = cache.TryRead(path, LoadOptions.Default);
        Assert.NotNull(record);

        using var again = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default, CompilerHost.Services);
        using var opened = await RecordedLoad.OpenAsync(path, record, CompilerHost.Services, CancellationToken.None);
        Assert.Equal("Lib: parse options", await LoadEquivalence.DifferenceAsync(again, opened, CancellationToken.None));
    }

    [Fact]
    public async Task ASourceFileChangedBetweenTheTwoLoads_IsADifference()
    {
        using var solution = TemporarySolution.FromFiles(Files);
        var path = SolutionPath.Resolve(solution.Directory);
        using var first = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default, CompilerHost.Services);
        File.AppendAllText(solution.File("Lib/Calc.cs"), "// changed\n");
        using var second = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default, CompilerHost.Services);

        Assert.Equal($"Lib: the text of {solution.File("Lib/Calc.cs")}", await LoadEquivalence.DifferenceAsync(first, second, CancellationToken.None));
        Assert.Null(await LoadEquivalence.DifferenceAsync(first, second, CancellationToken.None, compareTexts: false));
    }

    // Loads the solution through MSBuild and records the load in a cache in the folder.
    private static async Task<LoadCache> RecordedAsync(SolutionPath path, TemporaryFolder folder)
    {
        var cache = new LoadCache(folder.Path);
        using var loaded = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default, CompilerHost.Services);
        Assert.True(await cache.WriteAsync(loaded, LoadOptions.Default, CancellationToken.None));
        return cache;
    }
}
