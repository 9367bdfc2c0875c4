using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Targets;

[Trait("Category", "EndToEnd")]
public sealed class BuildErrorsTests
{
    private const string Strict = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <NoWarn>$(NoWarn);CS0162</NoWarn>
          </PropertyGroup>
        </Project>
        """;

    private const string Selective = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <WarningsAsErrors>CS0219</WarningsAsErrors>
          </PropertyGroup>
        </Project>
        """;

    private const string Code = """
        namespace Lib;

        public class Values
        {
            public static int Suppressed()
            {
        #pragma warning disable CS0168
                int unusedButSuppressed;
        #pragma warning restore CS0168
                return 1;
            }

            public static int Reported()
            {
                int unused;
                int assigned = 1;
                return 2;
            }

            public static int Unreachable()
            {
                return 3;
                System.Console.WriteLine();
            }
        }
        """;

    [Fact]
    public async Task Check_ReportsExactlyTheErrorsDotnetBuildFailsOn()
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Strict/Strict.csproj"] = Strict,
            ["Strict/Values.cs"] = Code,
            ["Strict/.editorconfig"] = "root = false\n\n[*.cs]\ndotnet_diagnostic.CS0219.severity = none\n",
            ["Selective/Selective.csproj"] = Selective,
            ["Selective/Values.cs"] = Code,
        });

        var check = await CheckPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new CheckOptions());
        var (exitCode, output) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        var expected = DotnetCli.ParseDiagnostics(output).Where(diagnostic => diagnostic.Severity == "error")
            .Select(diagnostic => (diagnostic.Id, diagnostic.File, diagnostic.Line)).ToHashSet();
        var reported = check.Errors.Select(error => (error.Id, error.FilePath!, error.Line)).ToHashSet();
        Assert.NotEqual(0, exitCode);
        Assert.Equal(
            [("CS0168", solution.File("Strict/Values.cs"), 15), ("CS0219", solution.File("Selective/Values.cs"), 16)],
            expected.Order().ToList());
        Assert.Equal(expected.Order().ToList(), reported.Order().ToList());
    }

    [Fact]
    public async Task MissingDocumentation_IsABuildErrorOnlyWhereTheBuildGeneratesDocumentation()
    {
        const string Undocumented = "namespace Lib;\n\npublic class Shown\n{\n}\n";
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Directory.Build.props"] = "<Project><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup></Project>\n",
            ["Documented/Documented.csproj"] = Library("<GenerateDocumentationFile>true</GenerateDocumentationFile>"),
            ["Documented/Shown.cs"] = Undocumented,
            ["Plain/Plain.csproj"] = Library(""),
            ["Plain/Shown.cs"] = Undocumented,
        });

        var check = await CheckPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new CheckOptions());
        var (_, output) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        var expected = DotnetCli.ParseDiagnostics(output).Where(diagnostic => diagnostic.Severity == "error")
            .Select(diagnostic => (diagnostic.Id, diagnostic.File)).ToHashSet();
        Assert.Equal([("CS1591", solution.File("Documented/Shown.cs"))], expected.ToList());
        Assert.Equal(expected, check.Errors.Select(error => (error.Id, error.FilePath!)).ToHashSet());
    }

    private static string Library(string properties) =>
        $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>{properties}</PropertyGroup></Project>\n";
}
