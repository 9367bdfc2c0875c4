using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
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
    public async Task ProjectWithoutGenerateDocumentationFile_ReportsAsCLRF0001_TheMembersDocWouldDocument()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var project = sample.File("src/Geometry/Geometry.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<GenerateDocumentationFile>true</GenerateDocumentationFile>", "", StringComparison.Ordinal));
        var path = SolutionPath.Resolve(project);

        var check = await CheckPipeline.RunAsync(path, new CheckOptions());
        var doc = await DocPipeline.RunAsync(path, new DocOptions(DryRun: true));
        var findings = CheckReport.ToFindings(check);

        Assert.Empty(check.Errors);
        Assert.NotEmpty(check.Undocumented);
        Assert.Equal(check.Undocumented.Count, check.NotReportedByBuild.Count);
        Assert.All(findings, finding => Assert.Equal("CLRF0001", finding.RuleId));
        // One list: what doc counts as undocumented is what check names, and doc writes a new comment at each place check
        // names (a positional record's one comment covers its parameters' properties too, so places, not symbols).
        Assert.Equal(doc.Before.Total - doc.Before.Documented, check.Undocumented.Count);
        Assert.Equal(
            doc.Members.Where(member => !member.Completed).Select(member => (member.FilePath, member.Line)).Distinct().Order(),
            check.Undocumented.Select(member => (member.FilePath, member.Line)).Distinct().Order());

        File.WriteAllText(sample.File("src/Geometry/.editorconfig"), "[*.cs]\ndotnet_diagnostic.CLRF0001.severity = none\n");
        var silenced = await CheckPipeline.RunAsync(path, new CheckOptions());
        Assert.Empty(silenced.Undocumented);
    }

    [Fact]
    public async Task TestProject_IsNoPublicApi_ForCheckAndDoc_UnlessItsBuildReportsCS1591()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var path = SolutionPath.Resolve(sample.Directory);

        var check = await CheckPipeline.RunAsync(path, new CheckOptions());
        var doc = await DocPipeline.RunAsync(path, new DocOptions(DryRun: true));
        using var docText = new StringWriter();
        DocReport.Write(doc, ReportFormat.Text, docText);

        // The library's members are listed as CLRF0001 by both (no GenerateDocumentationFile), the test classes by neither.
        Assert.NotEmpty(check.Undocumented);
        Assert.DoesNotContain(check.Undocumented, member => member.FilePath.Contains("Inventory.Tests", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Members, member => member.FilePath.Contains("Inventory.Tests", StringComparison.Ordinal));
        Assert.Equal(doc.Before.Total - doc.Before.Documented, check.Undocumented.Count);
        Assert.Equal(
            doc.Members.Where(member => !member.Completed).Select(member => (member.FilePath, member.Line)).Distinct().Order(),
            check.Undocumented.Select(member => (member.FilePath, member.Line)).Distinct().Order());
        Assert.All(doc.Members, member => Assert.Equal("CLRF0001", member.Diagnostic));
        Assert.Contains(" CLRF0001: Missing XML comment", docText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CS1591", docText.ToString(), StringComparison.Ordinal);

        // A test project that generates documentation has its build report CS1591: then its members count, as CS1591.
        var testProject = sample.File("tests/Inventory.Tests/Inventory.Tests.csproj");
        File.WriteAllText(testProject, File.ReadAllText(testProject).Replace(
            "<IsPackable>false</IsPackable>", "<IsPackable>false</IsPackable><GenerateDocumentationFile>true</GenerateDocumentationFile>", StringComparison.Ordinal));
        var documented = await CheckPipeline.RunAsync(path, new CheckOptions());
        var documentedDoc = await DocPipeline.RunAsync(path, new DocOptions(DryRun: true));

        var testFindings = CheckReport.ToFindings(documented).Where(finding => finding.File?.Contains("Inventory.Tests", StringComparison.Ordinal) == true
            && finding.RuleId.StartsWith("C", StringComparison.Ordinal) && finding.Message.StartsWith("Missing XML comment", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(testFindings);
        Assert.All(testFindings, finding => Assert.Equal("CS1591", finding.RuleId));
        Assert.Contains(documentedDoc.Members, member => member.FilePath.Contains("Inventory.Tests", StringComparison.Ordinal) && member.Diagnostic == "CS1591");
        // Compared by name: doc places a test method at its [Fact] line, check at its name.
        Assert.Equal(
            documentedDoc.Members.Where(member => !member.Completed && member.FilePath.Contains("Inventory.Tests", StringComparison.Ordinal))
                .Select(member => member.Symbol).Order(),
            documented.Undocumented.Where(member => member.FilePath.Contains("Inventory.Tests", StringComparison.Ordinal))
                .Select(member => member.Symbol).Order());
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
