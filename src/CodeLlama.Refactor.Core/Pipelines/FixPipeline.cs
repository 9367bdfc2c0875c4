using System.Diagnostics;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Repairs a solution's compile errors, top to bottom: the in-memory repair loop (Targets → Candidates → Verification →
/// Ranking), then execution feedback (the tests that depend on the changed projects), then the edits, written as one
/// step; then what was written is read back from disk and compiled, and "remaining" comes from that. Only what
/// compiled in every project that compiles it, and passed the tests that reach it (or, where no test reaches it, was
/// clearly ahead of every other candidate), is written.
/// </summary>
public static class FixPipeline
{
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
        if (options.Tests != TestMode.None)
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
        IReadOnlyList<ICandidateSource> sources = [new MissingTokenSource(), new RoslynCodeFixSource(), new TypeDirectedSource(), .. options.ExtraSources ?? []];
        var loop = new RepairLoop(loaded, sources, progress, new SafetyGate(options.AllowedCapabilities), FixScope.Of(loaded, options));
        var constraints = RepairConstraints.None with { TestsReach = TestsReach(loaded.Solution, options) };

        var repairing = Stopwatch.StartNew();
        var outcome = await loop.RunAsync(options.MaxIterations, constraints, cancellationToken).ConfigureAwait(false);
        (outcome, constraints) = await WithholdUntestableAsync(loop, outcome, constraints, options, cancellationToken).ConfigureAwait(false);
        repairing.Stop();

        var testing = Stopwatch.StartNew();
        var decision = await TestFeedbackAsync(loaded, loop, outcome, constraints, options, progress, cancellationToken).ConfigureAwait(false);
        (outcome, var tests) = (decision.Outcome, decision.Tests);
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
            ? await RemainingOnDiskAsync(loaded, edits, cancellationToken).ConfigureAwait(false)
            : options.DryRun && !testsRejected ? CompileErrorFinder.ToErrors(outcome.Remaining)
            : await CompileErrorFinder.FindAsync(loaded.Solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var excluded = FixScope.Excluded(loaded, options, remaining);
        remaining = FixScope.Filter(loaded, options, remaining);
        return new FixResult(
            loaded.RootDirectory,
            Reconcile(TestedRecords.Annotate(outcome.Records, decision.Runs), remaining, testsRejected ? tests : null),
            remaining,
            files,
            outcome.Iterations,
            tests,
            new FixTimes(TimeSpan.Zero, repairing.Elapsed, testing.Elapsed, writing.Elapsed),
            [.. loaded.Diagnostics, .. written.Recovered, .. loop.Failures.Warnings()],
            decision.Runs.Count) { ExcludedErrors = excluded };
    }

    // Tests decide for an error when they are on and a test project uses the error's project (or is it); elsewhere
    // only a candidate clearly ahead is applied.
    private static Func<Project, bool> TestsReach(Solution solution, FixOptions options)
    {
        if (options.Tests == TestMode.None)
        {
            return _ => false;
        }

        var reached = new Dictionary<ProjectId, bool>();
        return project => reached.TryGetValue(project.Id, out var known)
            ? known
            : reached[project.Id] = TestRunner.AffectedTestProjects(solution, [project.Id]).Count > 0;
    }

    // A fix the tests decide on is written only once they pass with it. When errors are left where the tests build,
    // the tests cannot run, so those fixes are withheld (reported not tested) and the loop repairs the rest without
    // them; that run can apply fixes of errors it had not seen, so it is repeated until none the tests decide on is
    // left where they cannot run.
    private static async Task<(RepairOutcome Outcome, RepairConstraints Constraints)> WithholdUntestableAsync(
        RepairLoop loop, RepairOutcome outcome, RepairConstraints constraints, FixOptions options, CancellationToken cancellationToken)
    {
        var withheld = new HashSet<DiagnosticKey>();
        for (var pass = 0; pass < options.MaxIterations; pass++)
        {
            var decided = outcome.Applied.Where(fix => fix.TestsDecide).ToList();
            var testProjects = TestRunner.AffectedTestProjects(outcome.Solution, decided.Select(fix => ProjectOf(outcome.Solution, fix)).OfType<ProjectId>().Distinct());
            if (decided.Count == 0 || !TestSearch.BlocksTests(outcome, testProjects))
            {
                break;
            }

            withheld.UnionWith(decided.Select(fix => fix.ErrorKey));
            constraints = constraints with { Withheld = withheld };
            outcome = await loop.RunAsync(options.MaxIterations, constraints, cancellationToken).ConfigureAwait(false);
        }

        return (outcome, constraints);
    }

    private static ProjectId? ProjectOf(Solution solution, AppliedFix fix) =>
        solution.GetDocumentIdsWithFilePath(fix.ErrorKey.FilePath).Select(id => id.ProjectId).FirstOrDefault();

    // Execution feedback: when what the tests build compiles, the tests choose among the candidates that compiled (see
    // TestSearch: shared runs, bisection, rank order, a bounded number of runs).
    private static async Task<TestDecision> TestFeedbackAsync(
        LoadedSolution loaded,
        RepairLoop loop,
        RepairOutcome outcome,
        RepairConstraints constraints,
        FixOptions options,
        IProgress<WorkProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (options.Tests == TestMode.None || !outcome.Applied.Any(fix => fix.TestsDecide))
        {
            return new TestDecision(outcome, null, []);
        }

        var sandbox = await SandboxSelection.ForAsync(options.Sandbox, cancellationToken).ConfigureAwait(false);
        // One copy for every run: built by the first, later ones emit only the assemblies that changed.
        using var bench = new TestBench(loaded.RootDirectory, options.EffectiveTestTimeout, sandbox, loaded.Outputs);
        var decision = await new TestSearch(loaded, loop, constraints, options, bench, progress).DecideAsync(outcome, cancellationToken).ConfigureAwait(false);
        return decision with { Tests = decision.Tests is null ? null : decision.Tests with { Notes = bench.Notes, Attempts = bench.Attempts } };
    }

    // The files as they now are on disk, read again the way the workspace reads them, into the projects as loaded (the
    // tool writes no project file), every document of a linked file included.
    private static async Task<IReadOnlyList<CompileError>> RemainingOnDiskAsync(
        LoadedSolution loaded, IReadOnlyList<FileEdit> edits, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        foreach (var edit in edits)
        {
            foreach (var id in solution.GetDocumentIdsWithFilePath(edit.FilePath))
            {
                var text = await new FileTextLoader(edit.FilePath, defaultEncoding: null)
                    .LoadTextAndVersionAsync(new LoadTextOptions(SourceHashAlgorithm.Sha256), cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentText(id, text.Text, PreservationMode.PreserveIdentity);
            }
        }

        return await CompileErrorFinder.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
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
                : rejectedBy is { Verdict: TestVerdict.NoSandbox } ? record with { Status = FixStatus.NotTested, Reason = "no sandbox" }
                : rejectedBy is not null ? record with { Status = FixStatus.RejectedByTests }
                : NotOnDisk(record.Error) ? record with { Status = FixStatus.NotWritten }
                : record)
            .ToList();
    }
}
