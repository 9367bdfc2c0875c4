using System.Diagnostics;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Repairs a solution's compile errors, top to bottom: the in-memory repair loop (Targets → Candidates → Verification →
/// Ranking), then execution feedback (the tests that depend on the changed projects), then the edits, written as one
/// step; then what was written is loaded again from disk and compiled, and "remaining" comes from that. Only what
/// compiled in every project that compiles it, and passed the tests, is written.
/// </summary>
public static class FixPipeline
{
    // Each further attempt bans one applied fix and repairs again; every attempt costs a test run.
    private const int MaxTestAttempts = 4;

    /// <summary>Runs <c>fix</c> on <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">Rounds, tests, dry run, extra sources.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is written after cancellation.</param>
    /// <returns>What was repaired and written.</returns>
    public static async Task<FixResult> RunAsync(
        SolutionPath path, FixOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // --sandbox required fails before anything is loaded; the answer is cached for RepairAsync.
        if (options.Tests == TestMode.Auto)
        {
            await SandboxSelection.ForAsync(options.Sandbox, cancellationToken).ConfigureAwait(false);
        }

        var stopwatch = Stopwatch.StartNew();
        // The IDE's code fixes need the IDE's services in the workspace they run on.
        using var loaded = await WorkspaceLoader.LoadAsync(path, options.Loading, FeatureHost.Services, progress, cancellationToken).ConfigureAwait(false);
        var loading = stopwatch.Elapsed;
        var result = await RepairAsync(loaded, options, progress, cancellationToken).ConfigureAwait(false);
        return result with { Times = result.Times with { Loading = loading } };
    }

    /// <summary>Repairs an already loaded solution.</summary>
    /// <param name="loaded">The loaded solution, opened with <see cref="FeatureHost.Services"/> so that code fixes can run.</param>
    /// <param name="options">Rounds, tests, dry run, extra sources.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was repaired and written.</returns>
    public static async Task<FixResult> RepairAsync(
        LoadedSolution loaded, FixOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ICandidateSource> sources = [new MissingTokenSource(), new RoslynCodeFixSource(), .. options.ExtraSources ?? []];
        var loop = new RepairLoop(loaded, sources, progress, new SafetyGate(options.AllowedCapabilities), FixScope.Of(loaded, options));
        var banned = new HashSet<AppliedFix>();

        var repairing = Stopwatch.StartNew();
        var outcome = await loop.RunAsync(options.MaxIterations, banned, cancellationToken).ConfigureAwait(false);
        repairing.Stop();

        var testing = Stopwatch.StartNew();
        (outcome, var tests) = await TestFeedbackAsync(loaded, loop, outcome, banned, options, progress, cancellationToken).ConfigureAwait(false);
        testing.Stop();
        // Untested model code is never written, whatever --allow-failing-tests says.
        var testsRejected = tests is { Succeeded: false } && (!options.AllowFailingTests || tests.Verdict == TestVerdict.NoSandbox);

        var writing = Stopwatch.StartNew();
        var edits = testsRejected ? [] : await SolutionEdits.BetweenAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
        var written = await VerifiedEdits.WriteAsync(loaded.RootDirectory, edits, options.DryRun, cancellationToken).ConfigureAwait(false);
        var files = written.Files;
        writing.Stop();

        // What is left comes from what the files now say: loaded and compiled afresh from disk after a write (or a write
        // refused: the files may have changed under the run); as they would be, in memory, for a dry run; as loaded when
        // there was nothing to write.
        var remaining = !options.DryRun && edits.Count > 0
            ? await RemainingOnDiskAsync(loaded.Path, options.Loading, cancellationToken).ConfigureAwait(false)
            : options.DryRun && !testsRejected ? CompileErrorFinder.ToErrors(outcome.Remaining)
            : await CompileErrorFinder.FindAsync(loaded.Solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        remaining = FixScope.Filter(loaded, options, remaining);
        return new FixResult(
            loaded.RootDirectory,
            Reconcile(outcome.Records, remaining, testsRejected ? tests : null),
            remaining,
            files,
            outcome.Iterations,
            tests,
            new FixTimes(TimeSpan.Zero, repairing.Elapsed, testing.Elapsed, writing.Elapsed),
            [.. loaded.Diagnostics, .. written.Recovered]);
    }

    // Execution feedback: when the repaired solution compiles, the affected test projects run; while they fail, the
    // least certain fix still in use is banned and the loop repairs again, so that the next-ranked candidate takes its
    // place.
    private static async Task<(RepairOutcome Outcome, TestOutcome? Tests)> TestFeedbackAsync(
        LoadedSolution loaded,
        RepairLoop loop,
        RepairOutcome outcome,
        HashSet<AppliedFix> banned,
        FixOptions options,
        IProgress<WorkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var sandbox = options.Tests == TestMode.Auto ? await SandboxSelection.ForAsync(options.Sandbox, cancellationToken).ConfigureAwait(false) : null;
        TestOutcome? tests = null;
        for (var attempt = 1; options.Tests == TestMode.Auto && outcome.Applied.Count > 0; attempt++)
        {
            var edits = await SolutionEdits.BetweenAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
            var changedProjects = edits.SelectMany(edit => outcome.Solution.GetDocumentIdsWithFilePath(edit.FilePath)).Select(id => id.ProjectId).Distinct();
            var testProjects = TestRunner.AffectedTestProjects(outcome.Solution, changedProjects);
            if (testProjects.Count == 0 || outcome.Remaining.Count > 0)
            {
                break;
            }

            progress?.Report(new WorkProgress("Testing", attempt, MaxTestAttempts, string.Join(", ", testProjects.Select(project => project.Name))));
            tests = await TestRunner.RunAsync(
                loaded.RootDirectory,
                edits.Select(edit => (edit.FilePath, edit.Updated.ToString())).ToList(),
                testProjects,
                options.EffectiveTestTimeout,
                sandbox,
                outcome.Applied.Any(fix => Candidate.IsModelSource(fix.Source)),
                cancellationToken).ConfigureAwait(false);
            if (tests.Succeeded || attempt == MaxTestAttempts)
            {
                break;
            }

            var suspect = outcome.Applied.Where(fix => !banned.Contains(fix))
                .Select((fix, order) => (Fix: fix, Order: order))
                .OrderByDescending(entry => entry.Fix.Preference)
                .ThenByDescending(entry => entry.Order)
                .Select(entry => entry.Fix)
                .FirstOrDefault();
            if (suspect is null)
            {
                break;
            }

            banned.Add(suspect);
            outcome = await loop.RunAsync(options.MaxIterations, banned, cancellationToken).ConfigureAwait(false);
        }

        return (outcome, tests);
    }

    // The files as written, opened again through MSBuild the way a build sees them.
    private static async Task<IReadOnlyList<CompileError>> RemainingOnDiskAsync(SolutionPath path, LoadOptions loading, CancellationToken cancellationToken)
    {
        using var written = await WorkspaceLoader.LoadAsync(path, loading, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await CompileErrorFinder.FindAsync(written, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // A record claims "fixed" only where the error is gone from what the files say: errors of its kind left beyond
    // those already reported unfixed are ones whose fix did not reach the disk.
    private static IReadOnlyList<FixRecord> Reconcile(IReadOnlyList<FixRecord> records, IReadOnlyList<CompileError> remaining, TestOutcome? rejectedBy)
    {
        static (string, string?, string, string) Kind(CompileError error) => (error.Id, error.FilePath, error.Message, error.ProjectName);
        var unfixed = records.Where(record => record.Status != FixStatus.Fixed).CountBy(record => Kind(record.Error)).ToDictionary();
        var notWritten = remaining.CountBy(Kind).ToDictionary(entry => entry.Key, entry => entry.Value - unfixed.GetValueOrDefault(entry.Key));
        bool NotOnDisk(CompileError error)
        {
            if (notWritten.GetValueOrDefault(Kind(error)) <= 0)
            {
                return false;
            }

            notWritten[Kind(error)]--;
            return true;
        }

        return records.Select(record => record.Status != FixStatus.Fixed ? record
                : rejectedBy is { Verdict: TestVerdict.NoSandbox } ? record with { Status = FixStatus.NotTested }
                : rejectedBy is not null ? record with { Status = FixStatus.RejectedByTests }
                : NotOnDisk(record.Error) ? record with { Status = FixStatus.NotWritten }
                : record)
            .ToList();
    }
}
