using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Reports;

/// <summary>Writes a <see cref="DocResult"/> as text (with diffs for a dry run), JSON or SARIF.</summary>
public static class DocReport
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>, every member listed.</summary>
    /// <param name="result">What doc did.</param>
    /// <param name="format">The report format.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(DocResult result, ReportFormat format, TextWriter writer) => Write(result, new ReportSettings(format), writer);

    /// <summary>Writes <paramref name="result"/> as <paramref name="settings"/> say.</summary>
    /// <param name="result">What doc did.</param>
    /// <param name="settings">The format, how much the text lists, and the SARIF root.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(DocResult result, ReportSettings settings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportWriter.Write(settings, writer, result.RootDirectory, "doc", () => ToJson(result), () => ToFindings(result),
            text => WriteText(result, settings.ListEveryItem, text));
    }

    private static void WriteText(DocResult result, bool listEveryMember, TextWriter writer)
    {
        ReportWriter.WriteDryRunDiffs(result.Files, writer);

        foreach (var member in listEveryMember ? result.Members : [])
        {
            var verb = member.Completed ? "completed" : "documented";
            writer.WriteLine($"{Relative(result, member.FilePath)}({member.Line}): {verb} {member.Kind} '{member.Symbol}': {string.Join(", ", member.Added)}");
        }

        ReportWriter.WriteNotWritten(result.Files, writer);

        foreach (var skipped in result.Skipped)
        {
            writer.WriteLine($"{Relative(result, skipped.FilePath)}({skipped.Line}): {skipped.Kind} '{skipped.Symbol}' {skipped.Reason}");
        }

        foreach (var finding in ToFindings(result))
        {
            writer.WriteLine($"{finding.File}({finding.Line},{finding.Column}): {finding.Level.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}");
        }

        CompileErrorText.WriteExcluded(result.ExcludedErrors, result.RootDirectory, writer);

        var written = result.Files.Count(file => file.Status == FileStatus.Written);
        var dryRun = result.Files.Count(file => file.Status == FileStatus.DryRun);
        writer.WriteLine(
            $"Coverage {result.Before.Documented}/{result.Before.Total} ({result.Before.Percent:0.#}%) -> "
            + $"{result.After.Documented}/{result.After.Total} ({result.After.Percent:0.#}%); "
            + (dryRun > 0 ? $"{dryRun} file(s) would change (dry run)" : $"{written} file(s) written")
            + $" ({result.Elapsed.TotalSeconds:0.0} s).");
    }

    // What is left undocumented; for a dry run also each member it would document, with the comment doc verified for
    // that member as its fix (the file's edit split among its members, so that a result carries its own edit only).
    private static IReadOnlyList<Finding> ToFindings(DocResult result)
    {
        var dryRunFiles = result.Files.Where(file => file.Status == FileStatus.DryRun).ToDictionary(file => file.FilePath, StringComparer.Ordinal);
        var fixesByFile = dryRunFiles.ToDictionary(
            pair => pair.Key,
            pair => MemberFixes.ByMember(
                pair.Value.Edit.Original,
                FindingFix.Between(pair.Value.Edit.Original, pair.Value.Edit.Updated),
                result.Members.Where(member => member.FilePath == pair.Key).Select(member => member.Line).ToList()),
            StringComparer.Ordinal);
        var fixedLines = new HashSet<(string File, int Line)>();
        var wouldDocument = result.Members
            .Where(member => dryRunFiles.ContainsKey(member.FilePath))
            .Select(member => new Finding(
                member.Diagnostic,
                member.Completed
                    ? $"Incomplete XML comment for {member.Kind} '{member.Symbol}' (doc would add to it: {string.Join(", ", member.Added)})"
                    : $"Missing XML comment for {member.Kind} '{member.Symbol}' (doc would add: {string.Join(", ", member.Added)})",
                Relative(result, member.FilePath),
                member.Line,
                1,
                FindingLevel.Warning,
                // Members declared on one line (int a, b;) share one comment: the first of them carries it.
                fixedLines.Add((member.FilePath, member.Line)) && fixesByFile[member.FilePath].TryGetValue(member.Line, out var replacements)
                    ? new FindingFix($"Add the XML documentation doc verified for {member.Kind} '{member.Symbol}'", replacements)
                    : null));
        return
        [
            .. wouldDocument,
            .. result.Remaining.Select(member => Findings.Undocumented(member, result.RootDirectory, result.FilesBeyondBuild.Contains(member.FilePath)
                ? DocumentationDiagnosticIds.MissingCommentBeyondBuild
                : DocumentationDiagnosticIds.MissingComment)),
            .. result.Errors.Select(error => new Finding(
                error.Id, $"{error.Message} [{error.ProjectName}]", error.FilePath is null ? null : Relative(result, error.FilePath), error.Line, error.Column, FindingLevel.Error)),
        ];
    }

    private static object ToJson(DocResult result) => new
    {
        coverage = new
        {
            before = new { documented = result.Before.Documented, total = result.Before.Total, percent = Math.Round(result.Before.Percent, 1) },
            after = new { documented = result.After.Documented, total = result.After.Total, percent = Math.Round(result.After.Percent, 1) },
        },
        files = result.Files.Select(file => new
        {
            file = Relative(result, file.FilePath),
            status = file.Status.ToString().ToLowerInvariant(),
            reason = file.Reason,
            added = result.Members.Count(member => member.FilePath == file.FilePath),
        }),
        members = result.Members.Select(member => new
        {
            symbol = member.Symbol,
            kind = member.Kind,
            file = Relative(result, member.FilePath),
            line = member.Line,
            added = member.Added,
            completed = member.Completed,
            diagnostic = member.Diagnostic,
        }),
        skipped = result.Skipped.Select(member => new
        {
            symbol = member.Symbol,
            kind = member.Kind,
            file = Relative(result, member.FilePath),
            line = member.Line,
            reason = member.Reason,
        }),
        remaining = result.Remaining.Select(member => Findings.UndocumentedJson(member, result.RootDirectory)),
        errors = CompileErrorText.ToJson(result.Errors, result.RootDirectory),
        excludedErrors = CompileErrorText.ToJson(result.ExcludedErrors, result.RootDirectory),
        summary = new
        {
            documented = result.Members.Count,
            remaining = result.Remaining.Count,
            errors = result.Errors.Count,
            skipped = result.Skipped.Count,
            filesWritten = result.Files.Count(file => file.Status == FileStatus.Written),
            filesWouldChange = result.Files.Count(file => file.Status == FileStatus.DryRun),
            filesNotWritten = result.Files.Count(file => file.Status is not (FileStatus.Written or FileStatus.DryRun)),
            elapsedMs = (long)result.Elapsed.TotalMilliseconds,
        },
    };

    private static string Relative(DocResult result, string fullPath) => RelativePaths.From(result.RootDirectory, fullPath);
}
