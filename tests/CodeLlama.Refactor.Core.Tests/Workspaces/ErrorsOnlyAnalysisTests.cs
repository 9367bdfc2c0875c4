using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class ErrorsOnlyAnalysisTests
{
    // A nullable warning and an error in one file: the error must stay whatever happens to the warning.
    private const string Source = "#nullable enable\npublic class Widget\n{\n    public int Length(string? text) => text.Length;\n    public int Broken() => \"text\";\n}\n";

    [Fact]
    public async Task WhereWarningsCannotBeErrors_TheNullableAnalysisIsOff_AndTheErrorsAreTheSame()
    {
        var project = InMemoryProject.Create(Source);

        var before = await Diagnostics(project.Solution, project.Id);
        var after = await Diagnostics(ErrorsOnlyAnalysis.Apply(project.Solution), project.Id);

        Assert.Contains(before, diagnostic => diagnostic.Id == "CS8602");
        Assert.DoesNotContain(after, diagnostic => diagnostic.Id == "CS8602");
        Assert.Equal(Errors(before), Errors(after));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("one")]
    [InlineData("editorconfig")]
    public async Task WhereANullableWarningMayBeAnError_TheAnalysisStays(string how)
    {
        var project = InMemoryProject.Create(Source);
        var options = project.CompilationOptions!;
        var solution = how switch
        {
            "all" => project.Solution.WithProjectCompilationOptions(project.Id, options.WithGeneralDiagnosticOption(ReportDiagnostic.Error)),
            "one" => project.Solution.WithProjectCompilationOptions(project.Id, options.WithSpecificDiagnosticOptions(
                options.SpecificDiagnosticOptions.SetItem("CS8602", ReportDiagnostic.Error))),
            _ => project.AddAnalyzerConfigDocument(
                    ".editorconfig",
                    Microsoft.CodeAnalysis.Text.SourceText.From("root = true\n[*.cs]\nDotNet_Diagnostic.CS8602.Severity = Error\n"),
                    filePath: Path.Combine(Path.GetTempPath(), "Snippets", ".editorconfig"))
                .Project.Solution,
        };

        var after = await Diagnostics(ErrorsOnlyAnalysis.Apply(solution), project.Id);

        Assert.Contains(after, diagnostic => diagnostic.Id == "CS8602" && diagnostic.Severity == DiagnosticSeverity.Error);
    }

    private static async Task<IReadOnlyList<Diagnostic>> Diagnostics(Solution solution, ProjectId id) =>
        (await solution.GetProject(id)!.GetCompilationAsync())!.GetDiagnostics();

    private static IEnumerable<string> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString()).Order(StringComparer.Ordinal);
}
