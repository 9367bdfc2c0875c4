using System.Diagnostics;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Repairs a solution's compile errors: loads the solution and runs one <see cref="FixEngine"/> over it (the in-memory
/// repair loop, the tests that reach each candidate, the write, the compile of what was written). Only what compiled in
/// every project that compiles it, and passed the tests that reach it (or, where no test reaches it, was clearly ahead
/// of every other candidate and is not a guess), is written.
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
        // --sandbox required fails before anything is loaded; the answer is cached for RepairAsync. Otherwise the sandbox
        // is probed only when a test is about to run in it.
        if (options.Tests != TestMode.None && options.Sandbox == SandboxMode.Required)
        {
            await SandboxSelection.ForAsync(options.Sandbox, cancellationToken).ConfigureAwait(false);
        }

        if (options.LoadCache?.TryRead(path, options.Loading) is { } record)
        {
            return await SpeculativeFix.RunAsync(path, options, record, progress, cancellationToken).ConfigureAwait(false);
        }

        var stopwatch = Stopwatch.StartNew();
        // The build host evaluates the projects in its own process: this one readies the IDE's code fixes meanwhile. A
        // run that ends first (nothing to repair) stops it.
        using var warmUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = RoslynFixesWarmUp.StartAsync(warmUp.Token);
        try
        {
            // The IDE's code fixes need the IDE's services in the workspace they run on; composing them (the warm-up
            // above starts it) overlaps the projects' evaluation.
            using var loaded = await WorkspaceLoader.LoadAsync(path, options.Loading, () => FeatureHost.Services, progress, cancellationToken).ConfigureAwait(false);
            var loading = stopwatch.Elapsed;
            var result = await RepairAsync(loaded, options, progress, cancellationToken).ConfigureAwait(false);
            if (options.LoadCache is { } cache)
            {
                // The next run starts from this load (SpeculativeFix); recorded after this run's repair, which it would only delay.
                await cache.WriteAsync(loaded, options.Loading, cancellationToken).ConfigureAwait(false);
            }

            return result with { Times = result.Times with { Loading = loading } };
        }
        finally
        {
            await warmUp.CancelAsync().ConfigureAwait(false);
        }
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
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        return await new FixEngine(loaded, options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
