using System.Diagnostics;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// A <c>fix</c> that starts from the solution as MSBuild last loaded it (<see cref="LoadRecord"/>) while MSBuild loads it
/// again beside it: the repair, its compilations and its tests need not wait for the build host. Before anything is
/// written or reported, the run waits for MSBuild's solution and compares (<see cref="LoadEquivalence"/>); when they
/// differ, whatever was found is dropped and the run repairs MSBuild's solution from the start, as a run without a
/// record does. Nothing is written from a solution MSBuild did not make.
/// </summary>
internal static class SpeculativeFix
{
    /// <summary>Repairs <paramref name="path"/>, starting from <paramref name="record"/>.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">How to repair; its <see cref="FixOptions.LoadCache"/> keeps <paramref name="record"/>.</param>
    /// <param name="record">The solution as last loaded, its files unchanged since.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was repaired and written.</returns>
    public static async Task<FixResult> RunAsync(
        SolutionPath path, FixOptions options, LoadRecord record, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var msbuild = ConfirmingLoad.Start(path, options.Loading, () => FeatureHost.Services, cancellationToken);

        // The IDE's code fixes are readied while the first build check compiles the solution, as during a load.
        using var warmUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = RoslynFixesWarmUp.StartAsync(warmUp.Token, compiler: false);

        try
        {
            var confirmed = false;
            var started = await ConfirmingLoad.OpenRecordAsync(path, record, FeatureHost.Services, progress, cancellationToken).ConfigureAwait(false);
            if (started is not null)
            {
                using (started)
                {
                    var loading = stopwatch.Elapsed;
                    progress?.Report(new WorkProgress("Loading", record.Projects.Count, record.Projects.Count, "as last loaded; MSBuild loads the projects again, and nothing is written until it agrees"));
                    var engine = new FixEngine(started, options, progress)
                    {
                        BeforeResult = async token =>
                        {
                            var difference = await msbuild.DifferenceAsync(started, token).ConfigureAwait(false);
                            confirmed = difference is null;
                            if (!confirmed)
                            {
                                throw new LoadChangedException(difference!);
                            }
                        },
                    };
                    try
                    {
                        var result = await engine.RunAsync(cancellationToken).ConfigureAwait(false);
                        return result with { Times = result.Times with { Loading = loading } };
                    }
                    catch (LoadChangedException changed)
                    {
                        progress?.Report(new WorkProgress("Loading", 0, 0, $"the projects changed since they were last loaded ({changed.Message}): repairing them as MSBuild loaded them"));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException && !confirmed)
                    {
                        // What failed may have come from the recorded solution: only MSBuild's says.
                        if (await msbuild.DifferenceAsync(started, cancellationToken).ConfigureAwait(false) is null)
                        {
                            throw;
                        }
                    }
                }
            }

            // MSBuild's solution (released with the load).
            var loaded = await msbuild.Loaded.ConfigureAwait(false);
            var repaired = await FixPipeline.RepairAsync(loaded, options, progress, cancellationToken).ConfigureAwait(false);
            await options.LoadCache!.WriteAsync(loaded, options.Loading, cancellationToken).ConfigureAwait(false);
            return repaired with { Times = repaired.Times with { Loading = msbuild.Took } };
        }
        finally
        {
            await warmUp.CancelAsync().ConfigureAwait(false);
        }
    }

    private sealed class LoadChangedException(string difference) : Exception(difference);
}
