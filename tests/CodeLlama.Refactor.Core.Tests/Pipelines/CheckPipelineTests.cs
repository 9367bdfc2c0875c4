using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

[Trait("Category", "EndToEnd")]
public sealed class CheckPipelineTests
{
    [Fact]
    public async Task BrokenBuild_ReportsEveryErrorDotnetBuildReports_AndTheSemanticErrorsItHides()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var path = SolutionPath.Resolve(sample.Directory);

        var result = await CheckPipeline.RunAsync(path, new CheckOptions());
        var (exitCode, buildOutput) = await DotnetCli.RunAsync(sample.Directory, "build", "-nologo");

        var buildErrors = DotnetCli.ParseDiagnostics(buildOutput).Where(diagnostic => diagnostic.Severity == "error").ToList();
        var checkErrors = result.Errors.Select(error => (error.Id, error.FilePath, error.Line)).ToHashSet();
        Assert.NotEqual(0, exitCode);
        Assert.NotEmpty(buildErrors);
        Assert.All(buildErrors, error => Assert.Contains((error.Id, (string?)error.File, error.Line), checkErrors));
        Assert.Contains(result.Errors, error => error.Id == "CS1061" && error.Message.Contains("Totl", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Id == "CS0103" && error.Message.Contains("nme", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Id == "CS0246" && error.Message.Contains("StringBuilder", StringComparison.Ordinal));
        Assert.True(result.Errors.TakeWhile(error => error.IsSyntaxError).Count() == result.Errors.Count(error => error.IsSyntaxError),
            "syntax errors come first");
        Assert.Equal(2, result.Projects);
        Assert.DoesNotContain(result.Errors, error => error.ProjectName == "Inventory.Tests");
    }

    [Fact]
    public async Task Undocumented_ReportsWhatDotnetBuildReportsAsCS1591_OutsideGeneratedCode()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var path = SolutionPath.Resolve(sample.Directory);

        var result = await CheckPipeline.RunAsync(path, new CheckOptions());
        var (_, buildOutput) = await DotnetCli.RunAsync(sample.Directory, "build", "-nologo");

        var buildMissing = DotnetCli.ParseDiagnostics(buildOutput)
            .Where(diagnostic => diagnostic.Id == "CS1591" && !diagnostic.File.Contains("Generated", StringComparison.Ordinal))
            .Select(diagnostic => (diagnostic.File, diagnostic.Line))
            .ToHashSet();
        var checkMissing = result.Undocumented.Select(member => (member.FilePath, member.Line)).ToHashSet();
        Assert.NotEmpty(buildMissing);
        Assert.Equal(buildMissing.Order(), checkMissing.Order());
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Undocumented, member => member.FilePath.Contains("Generated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Undocumented_HonoursPragmaEditorconfigGlobalconfigAndNoWarn_AsTheBuildDoes()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = sample.File("src/Geometry/Circle.cs");
        File.WriteAllText(circle, "#pragma warning disable CS1591\n" + File.ReadAllText(circle));
        File.WriteAllText(sample.File("src/Geometry/.editorconfig"), "[Polygon.cs]\ndotnet_diagnostic.CS1591.severity = none\n");
        File.WriteAllText(sample.File("src/Geometry/.globalconfig"), "is_global = true\ndotnet_diagnostic.CS1591.severity = error\n");

        var result = await CheckPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new CheckOptions());
        var (_, buildOutput) = await DotnetCli.RunAsync(sample.Directory, "build", "-nologo");
        var buildMissing = DotnetCli.ParseDiagnostics(buildOutput)
            .Where(diagnostic => diagnostic.Id == "CS1591" && !diagnostic.File.Contains("Generated", StringComparison.Ordinal))
            .Select(diagnostic => (diagnostic.File, diagnostic.Line))
            .ToHashSet();

        Assert.DoesNotContain(result.Undocumented, member => member.FilePath.EndsWith("Circle.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Undocumented, member => member.FilePath.EndsWith("Polygon.cs", StringComparison.Ordinal));
        Assert.Contains(result.Undocumented, member => member.FilePath.EndsWith("Units.cs", StringComparison.Ordinal));
        Assert.Equal(buildMissing.Order(), result.Undocumented.Select(member => (member.FilePath, member.Line)).ToHashSet().Order());
        var errorsOnly = await CheckPipeline.RunAsync(
            SolutionPath.Resolve(sample.Directory), new CheckOptions(Diagnostics: new DiagnosticFilter([], [], Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        Assert.Equal(result.Undocumented.Count, errorsOnly.Undocumented.Count);

        var project = sample.File("src/Geometry/Geometry.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</GenerateDocumentationFile>", "</GenerateDocumentationFile><NoWarn>CS1591</NoWarn>", StringComparison.Ordinal));
        var noWarn = await CheckPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new CheckOptions(Visibility.All));
        Assert.Empty(noWarn.Undocumented);
    }

    [Fact]
    public async Task ProjectWithoutGenerateDocumentationFile_ReportsNoCS1591_AsItsBuildReportsNone()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var project = sample.File("src/Geometry/Geometry.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<GenerateDocumentationFile>true</GenerateDocumentationFile>", "", StringComparison.Ordinal));

        var result = await CheckPipeline.RunAsync(SolutionPath.Resolve(project), new CheckOptions(Visibility.All));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Undocumented);
    }

    [Fact]
    public async Task ProjectThatCannotLoad_IsAClearError()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var project = sample.File("src/Geometry/Geometry.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");

        var error = await Assert.ThrowsAsync<InputException>(() => CheckPipeline.RunAsync(SolutionPath.Resolve(project), new CheckOptions()));

        Assert.Contains("Geometry.csproj", error.Message);
    }
}
