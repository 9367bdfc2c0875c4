using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

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
    public async Task ProjectWithoutGenerateDocumentationFile_IsStillChecked_AndItsNoWarnDoesNotHideMembers()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var project = sample.File("src/Geometry/Geometry.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<GenerateDocumentationFile>true</GenerateDocumentationFile>",
            "<NoWarn>CS1591</NoWarn><TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            StringComparison.Ordinal));

        var result = await CheckPipeline.RunAsync(SolutionPath.Resolve(project), new CheckOptions(Visibility.All));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Undocumented, member => member.Symbol == "Geometry.Circle.Radius");
        Assert.Contains(result.Undocumented, member => member.Symbol == "Geometry.Tolerance.AreClose(double, double)");
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
