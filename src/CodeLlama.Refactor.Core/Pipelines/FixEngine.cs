using System.Diagnostics;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.Async;
using CodeLlama.Refactor.Candidates.Nullable;
using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Candidates.Refactoring;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// One <c>fix</c> run over a loaded solution: it owns the solution, the options and one record per error, created when
/// the error is found (<see cref="ErrorRecord"/>). The stages run in one direction: the repair loop (in memory), the
/// tests (each unit of errors judged by the tests that reach its candidate, <see cref="TestAttribution"/>), the write,
/// and the compile of what was written; then each record's status is decided, once (<see cref="Decide"/>).
/// </summary>
internal sealed class FixEngine
{
    private readonly LoadedSolution loaded;
    private readonly LoadedSolution asLoaded;
    private readonly Solution withAllGenerators;
    private readonly FixOptions options;
    private readonly IProgress<WorkProgress>? progress;
    private readonly Func<BuildError, bool>? inScope;
    private readonly Lazy<RepairLoop> repairLoop;
    private readonly SolutionErrors errors;
    private RepairConstraints constraints;

    /// <summary>A run over <paramref name="loaded"/>.</summary>
    /// <param name="loaded">The solution.</param>
    /// <param name="options">How to repair.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="fromLastBuild">
    /// Whether the projects the user's last build shows clean are left uncompiled (<see cref="LastBuild"/>); the run
    /// repairs again without it when that turns out wrong.
    /// </param>
    public FixEngine(LoadedSolution loaded, FixOptions options, IProgress<WorkProgress>? progress, bool fromLastBuild = true)
    {
        asLoaded = loaded;
        // The targeting pack's generators run only where the code names one of their attributes: elsewhere they add
        // nothing, and loading them was most of a second of the first build check. A candidate that starts using one
        // gets them back (AsBuilt).
        withAllGenerators = loaded.Solution;
        loaded = loaded with { Solution = IdleSdkGenerators.WithoutIdle(loaded.Solution) };
        this.loaded = loaded;
        this.options = options;
        this.progress = progress;
        inScope = FixScope.Of(loaded, options);
        errors = new SolutionErrors(
            loaded.ProjectsDiagnosingDocumentation,
            // Properties given to the load may set what the last build did not (warnings as errors): it proves nothing then.
            // A dry run's load writes the files the SDK generates elsewhere than the build did.
            fromLastBuild && !options.DryRun && options.Properties is not { Count: > 0 } ? new LastBuild(loaded.Solution, loaded.Outputs, loaded.RootDirectory, loaded.ProjectsDiagnosingDocumentation) : null);
        IReadOnlyList<ICandidateSource> sources = [
            new MissingTokenSource(), new RoslynCodeFixSource(), new TypeDirectedSource(), new MissingAwaitSource(), new NullableRepairSource(),
            new RefactoringSource(ChangeEvidence.Reader(loaded.RootDirectory, options.Change), errors.FindAsync), .. options.ExtraSources ?? [],
        ];
        // The safety gate loads the SDK's analyzers: made only when there is something to repair.
        repairLoop = new(() => new RepairLoop(loaded, sources, progress, new SafetyGate(options.AllowedCapabilities), inScope, errors, AsBuilt));
        constraints = RepairConstraints.None with { TestsReach = TestsReach(loaded.Solution, options) };
    }

    /// <summary>
    /// Awaited before anything is written or a result is given: it throws when the solution this run repairs turns out
    /// not to be the one MSBuild loads (<see cref="SpeculativeFix"/>). Null: the solution was loaded through MSBuild.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeResult { get; init; }

    private RepairLoop Loop => repairLoop.Value;

    public async Task<FixResult> RunAsync(CancellationToken cancellationToken)
    {
        // Composing the IDE's code fixes takes seconds, and the first compilation leaves a core idle while projects wait
        // for the ones they reference: the composition, and the completion service's slow first answer for this
        // solution, run beside it.
        _ = Task.Run(() => FeatureHost.CodeFixProviders, cancellationToken);
        using var warmUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = RoslynFixesWarmUp.StartAsync(loaded.Solution, warmUp.Token);
        try
        {
            return await RepairAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LastBuildMissedException)
        {
            progress?.Report(new WorkProgress("Repairing", 0, 0, "a project left uncompiled as last built has errors after all: repairing with every project compiled"));
            return await new FixEngine(asLoaded, options, progress, fromLastBuild: false) { BeforeResult = BeforeResult }.RepairAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await warmUp.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<FixResult> RepairAsync(CancellationToken cancellationToken)
    {
        // The repair's time includes finding the errors: the first build check of the loaded solution.
        var repairing = Stopwatch.StartNew();

        // A solution without errors to repair ends here: no candidate source, safety gate or test run is started. The
        // loop's first round takes these same errors.
        var found = await errors.FindAsync(loaded.Solution, cancellationToken).ConfigureAwait(false);
        if (!found.Any(error => error.Document is not null && (inScope is null || inScope(error))))
        {
            await ConfirmAsync(loaded.Solution, cancellationToken).ConfigureAwait(false);
            return NothingToRepair(CompileErrorFinder.ToErrors(found));
        }

        var outcome = await Loop.RunAsync(options.MaxIterations, constraints, cancellationToken).ConfigureAwait(false);
        outcome = await WithholdUntestableAsync(outcome, cancellationToken).ConfigureAwait(false);
        repairing.Stop();

        var testing = Stopwatch.StartNew();
        var tested = await TestAsync(outcome, cancellationToken).ConfigureAwait(false);
        testing.Stop();

        await ConfirmAsync(tested.Outcome.Solution, cancellationToken).ConfigureAwait(false);
        var writing = Stopwatch.StartNew();
        var final = tested.Outcome;
        var edits = await SolutionEdits.BetweenAsync(loaded.Solution, final.Solution, cancellationToken).ConfigureAwait(false);
        var written = await VerifiedEdits.WriteAsync(loaded.RootDirectory, edits, options.DryRun, cancellationToken).ConfigureAwait(false);
        writing.Stop();

        // Once files are written, a cancellation in what follows says which files were written.
        return await written.ThenAsync(async () =>
        {
            // What is left comes from what the files now say: loaded and compiled afresh from disk after a write (or a write
            // refused: the files may have changed under the run); as they would be, in memory, for a dry run; as loaded when
            // there was nothing to write.
            var remaining = !options.DryRun && edits.Count > 0 ? await RemainingOnDiskAsync(edits, final, cancellationToken).ConfigureAwait(false)
                : options.DryRun ? CompileErrorFinder.ToErrors(final.Remaining)
                : CompileErrorFinder.ToErrors(await errors.FindAsync(loaded.Solution, cancellationToken).ConfigureAwait(false));
            var excluded = FixScope.Excluded(loaded, options, remaining);
            remaining = FixScope.Filter(loaded, options, remaining);
            return new FixResult(
                loaded.RootDirectory,
                Decide(final.Records, tested, remaining),
                remaining,
                written.Files,
                final.Iterations,
                tested.Tests,
                new FixTimes(TimeSpan.Zero, repairing.Elapsed, testing.Elapsed, writing.Elapsed),
                [.. loaded.Diagnostics, .. written.Recovered, .. Loop.Failures.Warnings()],
                tested.Runs,
                options.MaxTestRuns) { ExcludedErrors = excluded, SourceFailures = Loop.Failures.ToList() };
        }).ConfigureAwait(false);
    }

    // Before a result: the solution is the one MSBuild loads, and no project left uncompiled had errors after all.
    private async Task ConfirmAsync(Solution final, CancellationToken cancellationToken)
    {
        await (BeforeResult?.Invoke(cancellationToken) ?? Task.CompletedTask).ConfigureAwait(false);
        if (!await errors.ConfirmAsync(final, cancellationToken).ConfigureAwait(false))
        {
            throw new LastBuildMissedException();
        }
    }

    // What is left when nothing could be repaired: the errors the loop does not take on (those without a document, or
    // out of its scope), as loaded. No stage ran, so none has a time.
    private FixResult NothingToRepair(IReadOnlyList<CompileError> remaining) =>
        new(
            loaded.RootDirectory,
            [],
            FixScope.Filter(loaded, options, remaining),
            [],
            0,
            null,
            new FixTimes(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero),
            loaded.Diagnostics) { ExcludedErrors = FixScope.Excluded(loaded, options, remaining) };

    // Tests decide for an error when they are on and a test project uses the error's project (or is it); elsewhere
    // only a candidate clearly ahead is applied, and never a guess.
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
    // them; a deterministic repair clearly ahead (a spelling fix) is decided by compilation alone there, as where no
    // test reaches. That run can apply fixes of errors it had not seen, so it is repeated until none the tests decide
    // on is left where they cannot run.
    private async Task<RepairOutcome> WithholdUntestableAsync(RepairOutcome outcome, CancellationToken cancellationToken)
    {
        var withheld = new HashSet<DiagnosticKey>();
        var untestable = new HashSet<DiagnosticKey>();
        for (var pass = 0; pass < options.MaxIterations; pass++)
        {
            var decided = outcome.Applied.Where(fix => fix.TestsDecide).ToList();
            var projects = decided.SelectMany(fix => outcome.Solution.GetDocumentIdsWithFilePath(fix.ErrorKey.FilePath).Take(1)).Select(id => id.ProjectId).Distinct();
            if (decided.Count == 0 || !SolutionTrials.BlocksTests(outcome, TestRunner.AffectedTestProjects(outcome.Solution, projects)))
            {
                break;
            }

            withheld.UnionWith(decided.Where(fix => !fix.Certain).Select(fix => fix.ErrorKey));
            untestable.UnionWith(decided.Where(fix => fix.Certain).Select(fix => fix.ErrorKey));
            constraints = constraints with { Withheld = withheld, Untestable = untestable };
            outcome = await Loop.RunAsync(options.MaxIterations, constraints, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>What the tests decided: the combination to write, the judgement of each error's unit, the runs.</summary>
    private sealed record Tested(RepairOutcome Outcome, IReadOnlyDictionary<DiagnosticKey, (TestUnit Unit, UnitJudgement Judgement)> Judged, TestOutcome? Tests, int Runs);

    private async Task<Tested> TestAsync(RepairOutcome outcome, CancellationToken cancellationToken)
    {
        var units = TestUnit.Of(outcome.Applied.Where(fix => fix.TestsDecide));
        if (options.Tests == TestMode.None || units.Count == 0)
        {
            return new Tested(outcome, new Dictionary<DiagnosticKey, (TestUnit, UnitJudgement)>(), null, 0);
        }

        var sandbox = await SandboxSelection.ForAsync(options.Sandbox, cancellationToken).ConfigureAwait(false);
        // One copy for every run: built by the first, later ones emit only the assemblies that changed.
        using var bench = new TestBench(loaded.RootDirectory, options.EffectiveTestTimeout, sandbox, loaded.Outputs) { DocumentationBuilt = loaded.ProjectsDiagnosingDocumentation };
        var trials = new SolutionTrials(loaded, Loop, constraints, options, bench, units, progress);
        var zero = units.Select(_ => 0).ToArray();
        trials.Seed(zero, outcome);
        var attribution = await new TestAttribution(units.Select(unit => unit.Candidates).ToList(), trials, options.MaxTestRuns)
            .DecideAsync(cancellationToken).ConfigureAwait(false);

        var judged = new Dictionary<DiagnosticKey, (TestUnit, UnitJudgement)>();
        var withheld = new HashSet<DiagnosticKey>();
        var levels = new int[units.Count];
        for (var index = 0; index < units.Count; index++)
        {
            var judgement = attribution.Units[index];
            var written = judgement.Judgement == Judgement.Accepted
                || (options.AllowFailingTests && judgement.Judgement is Judgement.Convicted or Judgement.NotRun && attribution.Last?.Verdict != TestVerdict.NoSandbox);
            levels[index] = judgement.Judgement == Judgement.Accepted ? judgement.Level : 0;
            var unit = trials.WithHeldLevels(units[index], index);
            foreach (var fix in unit.Fixes)
            {
                judged[fix.ErrorKey] = (unit, judgement);
                if (!written)
                {
                    withheld.Add(fix.ErrorKey);
                }
            }
        }

        var final = await trials.BuildAsync(levels, withheld, cancellationToken).ConfigureAwait(false);
        var tests = attribution.Last is null ? null : attribution.Last with { Notes = bench.Notes, Attempts = bench.Attempts };
        return new Tested(final, judged, tests, attribution.Runs);
    }

    // The files as they now are on disk, read again the way the workspace reads them, into the projects as loaded (the
    // tool writes no project file), every document of a linked file included. When they read back as the repaired
    // solution says, that solution's errors, found at the end of the repair, are what the files report: compiling them
    // again would find the same.
    private async Task<IReadOnlyList<CompileError>> RemainingOnDiskAsync(IReadOnlyList<FileEdit> edits, RepairOutcome repaired, CancellationToken cancellationToken)
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

        solution = AsBuilt(solution);
        return await SameCompilationInputs.AreAsync(solution, repaired.Solution, cancellationToken).ConfigureAwait(false)
            ? CompileErrorFinder.ToErrors(repaired.Remaining)
            : await CompileErrorFinder.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Solution AsBuilt(Solution solution) => IdleSdkGenerators.WithUsedOnesBack(solution, withAllGenerators);

    // Each record's status, decided once from everything the stages found: what the loop applied or held, what the
    // tests judged, and whether the error is gone from what the files say (a fix whose file was not written is not).
    private IReadOnlyList<FixRecord> Decide(IReadOnlyList<ErrorRecord> records, Tested tested, IReadOnlyList<CompileError> remaining)
    {
        static (string, string?, string, string) Kind(CompileError error) => (error.Id, error.FilePath, error.Message, error.ProjectName);
        var unfixed = records.Where(record => record.Chosen is null && record.Remains).CountBy(record => Kind(record.Error)).ToDictionary();
        var notWritten = remaining.CountBy(Kind).ToDictionary(entry => entry.Key, entry => entry.Value - unfixed.GetValueOrDefault(entry.Key));
        bool OnDisk(CompileError error)
        {
            if (notWritten.GetValueOrDefault(Kind(error)) <= 0)
            {
                return false;
            }

            notWritten[Kind(error)]--;
            return true;
        }

        return records.Select(record => RecordDecision.Decide(
            record, tested.Judged.TryGetValue(record.Key, out var judged) ? judged : null, tested.Tests, record.Chosen is not null && OnDisk(record.Error))).ToList();
    }

    private sealed class LastBuildMissedException : Exception;
}
