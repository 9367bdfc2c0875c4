using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Reports;

/// <summary>Writes a <see cref="FixResult"/> as text (with diffs for a dry run), JSON or SARIF.</summary>
public static class FixReport
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>.</summary>
    /// <param name="result">What fix did.</param>
    /// <param name="format">The report format.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(FixResult result, ReportFormat format, TextWriter writer) => Write(result, new ReportSettings(format), writer);

    /// <summary>Writes <paramref name="result"/> as <paramref name="settings"/> say.</summary>
    /// <param name="result">What fix did.</param>
    /// <param name="settings">The format and the SARIF root.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(FixResult result, ReportSettings settings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportWriter.Write(settings, writer, result.RootDirectory, "fix", () => ToJson(result), () => ToSarifFindings(result), text => WriteText(result, text));
    }

    // The errors left; for a dry run also each error it would fix, the file's verified edit as the fix of its first one.
    private static IReadOnlyList<Finding> ToSarifFindings(FixResult result)
    {
        var dryRunFiles = result.Files.Where(file => file.Status == FileStatus.DryRun).ToDictionary(file => file.FilePath, StringComparer.Ordinal);
        var fixedFiles = new HashSet<string>(StringComparer.Ordinal);
        var wouldFix = result.Errors
            .Where(record => record.Status == FixStatus.Fixed && record.Error.FilePath is { } file && dryRunFiles.ContainsKey(file))
            .Select(record => new Finding(
                record.Error.Id,
                $"{record.Error.Message} [{record.Error.ProjectName}] (fix would apply: {record.Source}: {record.Title})",
                Relative(result, record.Error.FilePath),
                record.Error.Line,
                record.Error.Column,
                FindingLevel.Error,
                fixedFiles.Add(record.Error.FilePath!) ? ReportWriter.DryRunFix(dryRunFiles[record.Error.FilePath!], "Apply the repairs fix verified for this file") : null));
        return [.. wouldFix, .. ToFindings(result)];
    }

    // A fix that repaired a group of errors as one edit says so on each error of the group.
    private static string GroupText(FixRecord record) =>
        record.Group is { } group && record.Status == FixStatus.Fixed ? $" [group: {group.Cause}, {group.Errors.Count} error(s), one edit]" : "";

    private static void WriteText(FixResult result, TextWriter writer)
    {
        ReportWriter.WriteDryRunDiffs(result.Files, writer);

        foreach (var record in result.Errors)
        {
            var error = record.Error;
            var how = record.Status switch
            {
                FixStatus.Fixed => $"fixed by {record.Source ?? "-"}: {record.Title}",
                FixStatus.NotWritten => $"fix not written ({record.Source}: {record.Title})",
                FixStatus.NotTested => $"fix not tested: {Reason(record)} ({record.Source}: {record.Title})",
                FixStatus.Ambiguous => $"ambiguous, nothing written: no test ran to choose (none reaches it, or tests are off) and no candidate is clearly ahead: {string.Join(" | ", Alternatives(record))}",
                FixStatus.UntestedGuess => $"untested guess, nothing written: {Reason(record)}",
                FixStatus.RejectedByTests => $"fix rejected by tests ({record.Source}: {record.Title}): {Reason(record)}",
                _ => $"unfixed ({record.Tried.Count} candidate(s) tried): {Reason(record)}",
            };
            writer.WriteLine($"{Relative(result, error.FilePath)}({error.Line},{error.Column}): {error.Id} [{error.ProjectName}]: {how}{GroupText(record)}");
            foreach (var suggestion in record.Tried.Where(tried => tried.IsSuggestion))
            {
                writer.WriteLine($"    suggestion, not written ({suggestion.Source}: {suggestion.Title}): {Words(suggestion)}");
            }

            foreach (var tested in record.Tried.Where(tried => tried.TestRuns is { Count: > 0 }))
            {
                writer.WriteLine($"    tested ({tested.Source}: {tested.Title}): {Runs(tested.TestRuns!)}");
            }
        }

        ReportWriter.WriteNotWritten(result.Files, writer);

        foreach (var finding in ToFindings(result))
        {
            writer.WriteLine($"{finding.File}({finding.Line},{finding.Column}): error {finding.RuleId}: {finding.Message}");
        }

        CompileErrorText.WriteExcluded(result.ExcludedErrors, result.RootDirectory, writer);
        var tests = result.Tests is null ? "tests not run"
            : result.Tests.Succeeded ? $"tests passed ({result.Tests.Passed}) after {result.TestRuns} of at most {result.MaxTestRuns} test run(s)"
            : result.Tests.Verdict == Verification.TestVerdict.NoSandbox ? $"{result.Tests.Detail} (install bubblewrap, or --sandbox off)"
            : $"last test run failed: {result.Tests.Detail} ({result.TestRuns} of at most {result.MaxTestRuns} test run(s))";
        var files = result.Files.Count(file => file.Status == FileStatus.DryRun) is var dry and > 0
            ? $"{dry} file(s) would change (dry run)"
            : $"{result.Files.Count(file => file.Status == FileStatus.Written)} file(s) written";
        writer.WriteLine(
            $"{result.Errors.Count(record => record.Status == FixStatus.Fixed)} of {result.Errors.Count} error(s) fixed in {result.Iterations} round(s), "
            + $"{result.Remaining.Count} remaining; {tests}; {files}. "
            + $"Times: load {result.Times.Loading.TotalSeconds:0.0} s, repair {result.Times.Repairing.TotalSeconds:0.0} s, "
            + $"tests {result.Times.Testing.TotalSeconds:0.0} s, write {result.Times.Writing.TotalSeconds:0.0} s.");
    }

    // An error left behind carries what the run knows about it: the alternatives of an ambiguous one, the suggestions
    // that are never written.
    private static IReadOnlyList<Finding> ToFindings(FixResult result)
    {
        var open = result.Errors.Where(record => record.Status != FixStatus.Fixed).ToList();
        return result.Remaining.Select(error =>
        {
            var record = open.FirstOrDefault(record => record.Error.Id == error.Id && record.Error.FilePath == error.FilePath && record.Error.Message == error.Message);
            if (record is not null)
            {
                open.Remove(record);
            }

            return new Finding(
                error.Id, $"{error.Message} [{error.ProjectName}]{Hint(record)}", Relative(result, error.FilePath), error.Line, error.Column, FindingLevel.Error);
        }).ToList();
    }

    private static string Hint(FixRecord? record) => record switch
    {
        { Status: FixStatus.Ambiguous } => $" (ambiguous, not written: {string.Join(" | ", Alternatives(record))})",
        { Status: FixStatus.NotTested } => $" (fix not tested, not written: {Reason(record)}: {record.Title})",
        { Status: FixStatus.UntestedGuess } => $" (untested guess, not written: {Reason(record)})",
        _ when record?.Tried.FirstOrDefault(tried => tried.IsSuggestion) is { } suggestion => $" (suggestion, never written: {suggestion.Title}: {Words(suggestion)})",
        { Reason: not null } => $" ({Reason(record)})",
        _ => "",
    };

    private static IEnumerable<string> Alternatives(FixRecord record) =>
        record.Tried.Where(tried => tried.Outcome == Verdict.Tied).Select(tried => $"{tried.Source}: {tried.Title}");

    private static string Runs(IReadOnlyList<CandidateTestRun> runs) =>
        string.Join(", ", runs.Select(run => $"run {run.Run} {(run.Passed ? "passed" : "failed")}{(run.SharedWith > 0 ? $" (with {run.SharedWith} other fix(es))" : "")}"));

    private static object ToJson(FixResult result) => new
    {
        errors = result.Errors.Select(record => new
        {
            id = record.Error.Id,
            file = Relative(result, record.Error.FilePath),
            line = record.Error.Line,
            project = record.Error.ProjectName,
            message = record.Error.Message,
            status = record.Status switch
            {
                FixStatus.Fixed => "fixed",
                FixStatus.RejectedByTests => "rejected by tests",
                FixStatus.NotWritten => "not written",
                FixStatus.NotTested => "not tested",
                FixStatus.Ambiguous => "ambiguous",
                FixStatus.UntestedGuess => "untested guess",
                _ => "unfixed",
            },
            reason = record.Reason is null ? null : Reason(record),
            reasonKind = record.Reason is null ? null : ReasonKindName(record.Reason.Kind),
            reasonItems = record.Reason?.Items,
            member = record.Reason?.Member,
            failedSources = record.Reason?.FailedSources,
            source = record.Source,
            title = record.Title,
            group = record.Group is { } group ? new { cause = group.Cause, errors = group.Errors.Count } : null,
            alternatives = record.Status == FixStatus.Ambiguous ? Alternatives(record).ToList() : null,
            tried = record.Tried.Select(tried => new
            {
                source = tried.Source,
                title = tried.Title,
                outcome = Words(tried),
                suggestion = tried.IsSuggestion,
                testRuns = tried.TestRuns?.Select(run => new { run = run.Run, passed = run.Passed, sharedWith = run.SharedWith }),
            }),
        }),
        remaining = result.Remaining.Select(error => new
        {
            id = error.Id,
            message = error.Message,
            file = Relative(result, error.FilePath),
            line = error.Line,
            column = error.Column,
            project = error.ProjectName,
        }),
        sourceFailures = result.SourceFailures.Select(failure => new
        {
            source = failure.Source,
            count = failure.Count,
            exception = failure.First.GetType().Name,
            message = failure.First.Message,
        }),
        excludedErrors = CompileErrorText.ToJson(result.ExcludedErrors, result.RootDirectory),
        files = result.Files.Select(file => new { file = file.RelativePath, status = file.Status.ToString().ToLowerInvariant(), reason = file.Reason }),
        summary = new
        {
            iterations = result.Iterations,
            testRuns = result.TestRuns,
            maxTestRuns = result.MaxTestRuns,
            tests = result.Tests is null ? null : new
            {
                projects = result.Tests.Projects,
                passed = result.Tests.Passed,
                failed = result.Tests.Failed,
                succeeded = result.Tests.Succeeded,
                verdict = result.Tests.Verdict.ToString().ToLowerInvariant(),
                detail = result.Tests.Detail,
                sandbox = result.Tests.Sandbox,
            },
            elapsedMs = new
            {
                loading = (long)result.Times.Loading.TotalMilliseconds,
                repairing = (long)result.Times.Repairing.TotalMilliseconds,
                testing = (long)result.Times.Testing.TotalMilliseconds,
                writing = (long)result.Times.Writing.TotalMilliseconds,
            },
        },
    };

    /// <summary>What became of a tried candidate, in words.</summary>
    /// <param name="tried">The candidate.</param>
    /// <returns>E.g. "rejected: it adds CS0111 in Lib(net8.0)".</returns>
    public static string Words(TriedCandidate tried)
    {
        var words = tried.Outcome switch
        {
            Verdict.Chosen => "chosen",
            Verdict.RankedLower => "verified, ranked lower",
            Verdict.Outranked => "not verified: a candidate of a preferred kind already removed every error it could",
            Verdict.TargetRemains => "rejected: the error is still there",
            Verdict.AddsDiagnostics => "rejected: it adds",
            Verdict.EditsGeneratedCode => "rejected: it edits generated code",
            Verdict.AddsThrowingStub => "never a fix: it adds a member that only throws",
            Verdict.AddsLossyCast => "never a fix: it adds a narrowing or lossy cast",
            Verdict.SuppressesDiagnostics => "never a fix: it adds #pragma warning disable or #nullable disable",
            Verdict.AddsNullForgiving => "never a fix: it adds a null-forgiving '!'",
            Verdict.DeletesCode => "never a fix: it deletes the failing code",
            Verdict.BlocksOnTask => "never a fix: it blocks on a task instead of awaiting it",
            Verdict.ChangesProject => "rejected: it adds or removes files or references",
            Verdict.Unsafe => "rejected: unsafe —",
            Verdict.FailedTests => "failed the tests",
            Verdict.Tied => "verified, tied for first; no test ran to choose",
            Verdict.Untested => "verified, ranked first, not written: its tests could not run",
            Verdict.PassedOver => "set aside: the test runs ran out before it was tested",
            Verdict.UntestedGuess => "verified, but a guess no test reaches: a suggestion, not written",
            _ => tried.Outcome.ToString(),
        };
        words = tried.Detail is null ? words
            : tried.Outcome is Verdict.AddsDiagnostics or Verdict.Unsafe ? $"{words} {tried.Detail}"
            : $"{words} ({tried.Detail})";
        return tried.TestRuns is { Count: > 0 } runs ? $"{words}; tests: {Runs(runs)}" : words;
    }

    /// <summary>Why an error is left, in words.</summary>
    /// <param name="record">The error's record.</param>
    /// <returns>E.g. "no candidate: asked MissingTokenSource, RoslynCodeFixSource"; empty for a fixed one.</returns>
    public static string Reason(FixRecord? record)
    {
        if (record?.Reason is not { } reason)
        {
            return "";
        }

        var items = string.Join(" | ", reason.Items);
        var failed = reason.FailedSources.Count == 0 ? "" : $" ({string.Join(", ", reason.FailedSources)} failed for this error)";
        return ReasonWords(reason, items) + failed;
    }

    private static string ReasonWords(FixReason reason, string items)
    {
        return reason.Kind switch
        {
            ReasonKind.NoCandidate => $"no candidate: asked {string.Join(", ", reason.Items)}",
            ReasonKind.Rejected => $"every candidate was rejected: {items}",
            ReasonKind.Ambiguous => $"no candidate is clearly ahead and no test ran to choose: {items}",
            ReasonKind.UntestedGuess => $"no test reaches {reason.Member ?? "the changed code"} to tell the guesses apart: {items}",
            ReasonKind.FailedTests => reason.Items.Count == 0 ? "every candidate failed the tests that reach it" : $"every candidate failed the tests that reach it (last failing: {string.Join(", ", reason.Items)})",
            ReasonKind.TestsBlocked => "other errors remain in what its tests build, so the tests could not run",
            ReasonKind.NoSandbox => "no sandbox",
            ReasonKind.TestsDidNotRun => $"the tests did not run to the end: {items}",
            ReasonKind.TestBudgetSpent => "the test runs ran out before its candidates were judged",
            ReasonKind.NotOnDisk => "the file as written still has the error",
            _ => reason.Kind.ToString(),
        };
    }

    private static string ReasonKindName(ReasonKind kind) => kind switch
    {
        ReasonKind.NoCandidate => "no candidate",
        ReasonKind.Rejected => "rejected",
        ReasonKind.Ambiguous => "ambiguous",
        ReasonKind.UntestedGuess => "untested guess",
        ReasonKind.FailedTests => "failed tests",
        ReasonKind.TestsBlocked => "tests blocked",
        ReasonKind.NoSandbox => "no sandbox",
        ReasonKind.TestsDidNotRun => "tests did not run",
        ReasonKind.TestBudgetSpent => "test budget spent",
        ReasonKind.NotOnDisk => "not on disk",
        _ => kind.ToString(),
    };

    private static string? Relative(FixResult result, string? fullPath) =>
        fullPath is null ? null : RelativePaths.From(result.RootDirectory, fullPath);
}
