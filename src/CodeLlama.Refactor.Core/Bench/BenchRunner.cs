using System.Diagnostics;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Bench;

/// <summary>
/// <c>bench</c>: injects build errors into the user's own code (<see cref="MutantGenerator"/>) and repairs each one with
/// the real engine, exactly as <c>fix</c> does (same sources, gate, sandbox and tests), in a private copy of its own;
/// then classifies what was written (<see cref="MutantClassifier"/>). The user's files are only read.
/// </summary>
public static class BenchRunner
{
    private static readonly TimeSpan CleanupGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs the bench on <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project; it must build.</param>
    /// <param name="options">The plan, the fix options, the model sources.</param>
    /// <param name="progress">Receives one report before each mutant and one at the end.</param>
    /// <param name="cancellationToken">
    /// Stops the run after cleaning up the mutant in hand: the result holds the mutants done so far and says it was
    /// interrupted (cancellation while the mutants are being made throws).
    /// </param>
    /// <returns>Every mutant and its outcome.</returns>
    public static async Task<BenchResult> RunAsync(
        SolutionPath path, BenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var fix = options.Fix with { DryRun = false, Files = null, ExtraSources = options.ModelSources };
        var sandbox = fix.Tests == TestMode.None ? null : await SandboxSelection.ForAsync(fix.Sandbox, cancellationToken).ConfigureAwait(false);
        var total = Stopwatch.StartNew();
        IReadOnlyList<Mutant> mutants;
        IReadOnlyList<LoadDiagnostic> diagnostics;
        // The user's tree is loaded as a dry run loads it: even the design-time build's outputs go to a private folder.
        using (var loaded = await WorkspaceLoader.LoadAsync(path, (fix with { DryRun = true }).Loading, hostServices: null, progress: null, cancellationToken).ConfigureAwait(false))
        {
            diagnostics = loaded.Diagnostics;
            mutants = await MutantGenerator.GenerateAsync(loaded, options.Plan, cancellationToken).ConfigureAwait(false);
        }

        var runs = new List<MutantRun>();
        TimeSpan? fixRun = null;
        var interrupted = false;
        var repairing = Stopwatch.StartNew();
        try
        {
            if (options.MeasureFixRun)
            {
                fixRun = await TimeFixRunAsync(path, fix, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var sampler = new ModelSampler(fix, sandbox);
            foreach (var mutant in mutants)
            {
                progress?.Report(new BenchProgress(runs.Count, mutants.Count, mutant, repairing.Elapsed, Left(runs.Count, mutants.Count, repairing.Elapsed)));
                runs.Add(await AbandonOnCancelAsync(RepairAsync(path, mutant, fix, options, sampler, sandbox, cancellationToken), cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // A step interrupted by Ctrl+C may fail in its own way (MSBuild's build host disconnects): the mutants done stand.
            interrupted = true;
        }

        progress?.Report(new BenchProgress(runs.Count, mutants.Count, null, repairing.Elapsed, TimeSpan.Zero));
        return new BenchResult(path.RootDirectory, options.Plan, mutants.Count, runs, options.ModelSources.Count > 0 ? options.Candidates : 0,
            total.Elapsed, fixRun, interrupted, diagnostics);
    }

    // A step interrupted by Ctrl+C may not notice for a long while (a compilation, MSBuild's build host that took the
    // same signal): the partial report must not wait for it. The step gets a moment to delete its copy; a copy it leaves
    // is removed by the next run (PrivateFolder).
    private static async Task<MutantRun> AbandonOnCancelAsync(Task<MutantRun> repair, CancellationToken cancellationToken)
    {
        try
        {
            return await repair.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!repair.IsCompleted)
        {
            await Task.WhenAny(repair, Task.Delay(CleanupGrace, CancellationToken.None)).ConfigureAwait(false);
            throw;
        }
    }

    private static TimeSpan? Left(int done, int count, TimeSpan elapsed) =>
        done == 0 ? null : elapsed / done * (count - done);

    // The cost of one fix run, to compare N mutants with: the unchanged solution, copied, loaded and checked as fix does.
    private static async Task<TimeSpan> TimeFixRunAsync(SolutionPath path, FixOptions fix, CancellationToken cancellationToken)
    {
        using var copy = SolutionCopy.Of(path.RootDirectory, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await FixPipeline.RunAsync(SolutionPath.Resolve(copy.PathOf(Path.GetRelativePath(path.RootDirectory, path.FullPath))), fix, null, cancellationToken).ConfigureAwait(false);
        return stopwatch.Elapsed;
    }

    private static async Task<MutantRun> RepairAsync(
        SolutionPath path, Mutant mutant, FixOptions fix, BenchOptions options, ModelSampler sampler, ISandbox? sandbox, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var copy = SolutionCopy.Of(path.RootDirectory, cancellationToken);
        copy.Write(mutant.FilePath, mutant.Broken);
        var copiedPath = SolutionPath.Resolve(copy.PathOf(Path.GetRelativePath(path.RootDirectory, path.FullPath)));
        using var loaded = await WorkspaceLoader.LoadAsync(copiedPath, fix.Loading, FeatureHost.Services, null, cancellationToken).ConfigureAwait(false);
        var errorsBefore = (await CompileErrorFinder.FindAsync(loaded.Solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false)).Count;
        var samples = await sampler.SampleAsync(loaded, mutant, options.ModelSources, cancellationToken).ConfigureAwait(false);
        var result = await FixPipeline.RepairAsync(loaded, fix, null, cancellationToken).ConfigureAwait(false);
        var classified = await MutantClassifier.ClassifyAsync(loaded, mutant, result, errorsBefore, copy.Read(mutant.FilePath), fix, sandbox, cancellationToken).ConfigureAwait(false);
        return classified with { Time = stopwatch.Elapsed, Samples = samples };
    }
}
