using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Reports;

/// <summary>Writes a <see cref="CheckResult"/> as text, JSON or SARIF.</summary>
public static class CheckReport
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> to <paramref name="writer"/>, every member listed.</summary>
    /// <param name="result">What the check found.</param>
    /// <param name="format">The report format.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(CheckResult result, ReportFormat format, TextWriter writer) => Write(result, new ReportSettings(format), writer);

    /// <summary>Writes <paramref name="result"/> as <paramref name="settings"/> say to <paramref name="writer"/>.</summary>
    /// <param name="result">What the check found.</param>
    /// <param name="settings">The format, how much the text lists, and the SARIF root.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(CheckResult result, ReportSettings settings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportWriter.Write(settings, writer, result.RootDirectory, "check", () => ToJson(result), () => ToFindings(result),
            text => WriteText(result, settings.ListEveryItem, text));
    }

    /// <summary>The findings of <paramref name="result"/>: errors, then undocumented members.</summary>
    /// <param name="result">What the check found.</param>
    /// <returns>One finding per error and per undocumented member.</returns>
    public static IReadOnlyList<Finding> ToFindings(CheckResult result) =>
    [
        .. result.Errors.Select(error => new Finding(
            error.Id, $"{error.Message} [{error.ProjectName}]", Relative(result, error.FilePath), error.Line, error.Column, FindingLevel.Error)),
        .. result.Undocumented.Select(member => Findings.Undocumented(member, result.RootDirectory, result.RuleIdOf(member))),
    ];

    // Errors always, one line each; undocumented members one line each only when asked, else one line per file.
    private static void WriteText(CheckResult result, bool listEveryMember, TextWriter writer)
    {
        // The cause goes into the text alone: in SARIF it would change the fingerprint of an error once its change is merged.
        // ToFindings lists the errors first, in their order, so the first causes.Count findings are theirs.
        var findings = ToFindings(result);
        var causes = result.Errors.Select(error => Cause(result, error)).ToList();
        for (var index = 0; index < findings.Count; index++)
        {
            var finding = findings[index];
            if (listEveryMember || finding.Level == FindingLevel.Error)
            {
                var location = finding.File is null ? "" : $"{finding.File}({finding.Line},{finding.Column}): ";
                var cause = index < causes.Count ? causes[index] : "";
                writer.WriteLine($"{location}{finding.Level.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}{cause}");
            }
        }

        if (!listEveryMember)
        {
            foreach (var file in result.Undocumented.GroupBy(member => Relative(result, member.FilePath)).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"{file.Key}: {file.Count()} undocumented member(s)");
            }
        }

        CompileErrorText.WriteExcluded(result.ExcludedErrors, result.RootDirectory, writer);
        writer.WriteLine(
            $"{result.Errors.Count} error(s), {result.Undocumented.Count} undocumented member(s) in {result.Projects} project(s), "
            + $"{result.Documents} document(s) ({result.Elapsed.TotalSeconds:0.0} s)."
            + (!listEveryMember && result.Undocumented.Count > 0 ? " --verbosity detailed lists every member." : ""));
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
            causedByChange = result.PreExistingErrors is null ? (bool?)null : !result.PreExistingErrors.Contains(error),
        }),
        excludedErrors = CompileErrorText.ToJson(result.ExcludedErrors, result.RootDirectory),
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

    // With --changed-since, whether the merge base has the error too: a reviewer fixes the change's own errors first.
    private static string Cause(CheckResult result, CompileError error) => result.PreExistingErrors switch
    {
        null => "",
        var preExisting when preExisting.Contains(error) => " (pre-existing: the merge base has it too)",
        _ => " (caused by the change)",
    };

    private static string? Relative(CheckResult result, string? fullPath) =>
        fullPath is null ? null : RelativePaths.From(result.RootDirectory, fullPath);
}
