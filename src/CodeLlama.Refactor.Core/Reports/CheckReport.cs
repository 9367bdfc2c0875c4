using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Reports;

/// <summary>Writes a <see cref="CheckResult"/> as text, JSON or SARIF.</summary>
public static class CheckReport
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> to <paramref name="writer"/>.</summary>
    /// <param name="result">What the check found.</param>
    /// <param name="format">The report format.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(CheckResult result, ReportFormat format, TextWriter writer)
    {
        ReportWriter.Write(format, writer, result.RootDirectory, () => ToJson(result), () => ToFindings(result), text => WriteText(result, text));
    }

    /// <summary>The findings of <paramref name="result"/>: errors, then undocumented members.</summary>
    /// <param name="result">What the check found.</param>
    /// <returns>One finding per error and per undocumented member.</returns>
    public static IReadOnlyList<Finding> ToFindings(CheckResult result) =>
    [
        .. result.Errors.Select(error => new Finding(
            error.Id, $"{error.Message} [{error.ProjectName}]", Relative(result, error.FilePath), error.Line, error.Column, FindingLevel.Error)),
        .. result.Undocumented.Select(member => Findings.Undocumented(member, result.RootDirectory)),
    ];

    private static void WriteText(CheckResult result, TextWriter writer)
    {
        foreach (var finding in ToFindings(result))
        {
            var location = finding.File is null ? "" : $"{finding.File}({finding.Line},{finding.Column}): ";
            writer.WriteLine($"{location}{finding.Level.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}");
        }

        writer.WriteLine(
            $"{result.Errors.Count} error(s), {result.Undocumented.Count} undocumented member(s) in {result.Projects} project(s), "
            + $"{result.Documents} document(s) ({result.Elapsed.TotalSeconds:0.0} s).");
    }

    private static object ToJson(CheckResult result) => new
    {
        errors = result.Errors.Select(error => new
        {
            id = error.Id,
            message = error.Message,
            file = Relative(result, error.FilePath),
            line = error.Line,
            column = error.Column,
            project = error.ProjectName,
        }),
        undocumented = result.Undocumented.Select(member => Findings.UndocumentedJson(member, result.RootDirectory)),
        summary = new
        {
            projects = result.Projects,
            documents = result.Documents,
            errors = result.Errors.Count,
            undocumented = result.Undocumented.Count,
            elapsedMs = (long)result.Elapsed.TotalMilliseconds,
        },
    };

    private static string? Relative(CheckResult result, string? fullPath) =>
        fullPath is null ? null : RelativePaths.From(result.RootDirectory, fullPath);
}
