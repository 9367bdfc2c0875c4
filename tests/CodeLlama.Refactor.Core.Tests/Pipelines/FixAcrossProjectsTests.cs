using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>A file compiled by several Roslyn projects is repaired only with edits that compile in all of them.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FixAcrossProjectsTests
{
    private static readonly FixOptions CompileOnly = new(Tests: TestMode.None);

    private const string MultiTarget = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task MultiTarget_StubThatBreaksTheOtherFramework_IsNotWritten_AndTheBuildAgrees()
    {
        const string Numbers = """
            namespace Lib;

            public static class Numbers
            {
            #if NET8_0
                public static int Limit = 4;
            #endif

                public static int Four() => Limit;
            }
            """;
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = MultiTarget,
            ["Lib/Numbers.cs"] = Numbers,
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);
        var (buildExit, _) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        Assert.Equal(Numbers, File.ReadAllText(solution.File("Lib/Numbers.cs")));
        Assert.False(result.IsClean);
        Assert.NotEqual(0, buildExit);
        Assert.Contains(result.Remaining, error => error.Id == "CS0103" && error.ProjectName == "Lib(net10.0)");
        Assert.Contains(result.Errors.SelectMany(record => record.Tried), tried =>
            tried.Outcome == Verdict.AddsDiagnostics && tried.Detail!.Contains("CS0102 in Lib(net8.0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultiTarget_FixValidInEveryFramework_IsWrittenOnce_AndTheSolutionBuilds()
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = MultiTarget,
            ["Lib/Numbers.cs"] = "namespace Lib;\n\npublic static class Numbers\n{\n    public static int Twice(int value) => value * 2;\n\n    public static int Four() => Twcie(2);\n}\n",
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);
        var (buildExit, buildOutput) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        var file = Assert.Single(result.Files);
        Assert.Equal(FileStatus.Written, file.Status);
        Assert.True(result.IsClean, string.Join("\n", result.Remaining));
        Assert.Equal(0, buildExit);
        Assert.Contains("=> Twice(2);", File.ReadAllText(solution.File("Lib/Numbers.cs")));
        Assert.DoesNotContain(" error ", buildOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiTarget_TheTestsOfAnyFramework_DecideTheFix()
    {
        // The tests build against net10.0; the fix is found first in net8.0's project, which no test project uses.
        const string Tests = "using Xunit;\n\nnamespace Lib.Tests;\n\npublic class NumbersTests\n{\n    [Fact]\n    public void Four_IsTwiceTwo() => Assert.Equal(4, Numbers.Four());\n}\n";
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = MultiTarget,
            ["Lib/Numbers.cs"] = "namespace Lib;\n\npublic static class Numbers\n{\n    public static int Twice(int value) => value * 2;\n\n    public static int Four() => Twcie(2);\n}\n",
            ["Lib.Tests/Lib.Tests.csproj"] = TemporarySolution.TestProject,
            ["Lib.Tests/NumbersTests.cs"] = Tests,
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        Assert.True(result.IsClean, Describe(result));
        Assert.Contains("=> Twice(2);", File.ReadAllText(solution.File("Lib/Numbers.cs")));
        Assert.NotNull(result.Tests);
        Assert.Equal(1, result.Tests.Passed);
    }

    [Fact]
    public async Task LinkedFile_FixValidInOnlyOneProject_IsNotWritten()
    {
        const string Greeting = "namespace Shared;\n\npublic static class Greeting\n{\n    public static string Hello() => Text.Formt(\"hi\");\n}\n";
        using var solution = LinkedSolution(Greeting, secondProjectMember: "Fmt");

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);

        Assert.True(Greeting == File.ReadAllText(solution.File("Shared/Greeting.cs")), Describe(result));
        Assert.Empty(result.Files);
        Assert.False(result.IsClean);
        Assert.Equal(["A", "B"], result.Remaining.Select(error => error.ProjectName).Order().ToList());
        Assert.Contains(result.Errors.SelectMany(record => record.Tried), tried =>
            tried.Outcome == Verdict.AddsDiagnostics && tried.Title.Contains("'Format'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkedFile_FixValidInBothProjects_IsWrittenOnce_AndBothBuild()
    {
        using var solution = LinkedSolution(
            "namespace Shared;\n\npublic static class Greeting\n{\n    public static string Hello() => Text.Formt(\"hi\");\n}\n", secondProjectMember: "Format");

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);
        var (buildExit, _) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        Assert.Equal(FileStatus.Written, Assert.Single(result.Files).Status);
        Assert.True(result.IsClean, string.Join("\n", result.Remaining));
        Assert.Equal(0, buildExit);
        Assert.Contains("Text.Format(\"hi\")", File.ReadAllText(solution.File("Shared/Greeting.cs")));
    }

    [Fact]
    public async Task WarningsAsErrors_WithAnUndocumentedTestProject_RepairsTheRealErrorAndLeavesTheTestsAlone()
    {
        const string Tests = """
            using Xunit;

            namespace Lib.Tests;

            public class PriceTests
            {
                [Fact]
                public void Total_AddsTax() => Assert.Equal(12m, Price.Total(10m));
            }
            """;
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Directory.Build.props"] = "<Project><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>\n",
            ["Lib/Lib.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup></Project>\n",
            ["Lib/Price.cs"] = """
                namespace Lib;

                /// <summary>Prices.</summary>
                public static class Price
                {
                    /// <summary>The price with tax.</summary>
                    /// <param name="net">The net price.</param>
                    /// <returns>The gross price.</returns>
                    public static decimal Total(decimal net) => nett * 1.2m;
                }
                """,
            ["Lib.Tests/Lib.Tests.csproj"] = TemporarySolution.TestProject,
            ["Lib.Tests/PriceTests.cs"] = Tests,
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);
        var (buildExit, _) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        Assert.Equal(Tests, File.ReadAllText(solution.File("Lib.Tests/PriceTests.cs")));
        Assert.DoesNotContain(result.Errors, record => record.Error.Id == "CS1591");
        Assert.Equal("CS0103", Assert.Single(result.Errors).Error.Id);
        Assert.True(result.IsClean, string.Join("\n", result.Remaining));
        Assert.Equal(0, buildExit);
    }

    private static string Describe(FixResult result) =>
        string.Join("\n", result.Errors.Select(record => $"{record.Error.ProjectName} {record.Error.Id} {record.Status} {record.Title}: "
            + string.Join("; ", record.Tried.Select(tried => $"{tried.Title} {tried.Outcome} {tried.Detail}"))));

    // Shared/Greeting.cs is linked into projects A and B; A's Text has Format, B's has the given member.
    private static TemporarySolution LinkedSolution(string greeting, string secondProjectMember)
    {
        static string Project() => """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><Compile Include="../Shared/Greeting.cs" Link="Greeting.cs" /></ItemGroup>
            </Project>
            """;
        static string Text(string member) =>
            $"namespace Shared;\n\npublic static class Text\n{{\n    public static string {member}(string value) => value;\n}}\n";
        return TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["A/A.csproj"] = Project(),
            ["A/Text.cs"] = Text("Format"),
            ["B/B.csproj"] = Project(),
            ["B/Text.cs"] = Text(secondProjectMember),
            ["Shared/Greeting.cs"] = greeting,
        });
    }
}
