using System.Diagnostics;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;
using Microsoft.CodeAnalysis.Host;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// MSBuild loading a solution in the background while a run works from the solution as last loaded
/// (<see cref="LoadRecord"/>): the run's result stands only once MSBuild's solution is the same
/// (<see cref="DifferenceAsync"/>). The build host runs at the lowest scheduling priority (<see cref="BackgroundBuildHosts"/>),
/// taking what the run leaves of the cores. Disposing stops a load still going and releases MSBuild's solution.
/// </summary>
internal sealed class ConfirmingLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;

    private ConfirmingLoad(SolutionPath path, LoadOptions options, Func<HostServices> hostServices, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Loaded = Task.Run(
            async () =>
            {
                var loaded = await WorkspaceLoader.LoadAsync(path, options, hostServices, progress: null, stop.Token).ConfigureAwait(false);
                Took = stopwatch.Elapsed;
                return loaded;
            },
            stop.Token);
    }

    /// <summary>MSBuild's solution, once loaded.</summary>
    public Task<LoadedSolution> Loaded { get; }

    /// <summary>How long MSBuild's load took, once <see cref="Loaded"/> is done.</summary>
    public TimeSpan Took { get; private set; }

    /// <summary>Starts MSBuild's load of <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">How to load it: as the record was made.</param>
    /// <param name="hostServices">The workspace services MSBuild's solution is made with.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The load under way.</returns>
    public static ConfirmingLoad Start(SolutionPath path, LoadOptions options, Func<HostServices> hostServices, CancellationToken cancellationToken)
    {
        var load = new ConfirmingLoad(path, options, hostServices, cancellationToken);
        // The load only confirms: it takes what the run leaves of the cores.
        _ = BackgroundBuildHosts.LowerAsync(TimeSpan.FromSeconds(5), load.stop.Token);
        return load;
    }

    /// <summary>
    /// The solution as <paramref name="record"/> says it was loaded, or null when it cannot be opened again (a reference
    /// it names is gone: the SDK was updated, say); the run then waits for MSBuild's load.
    /// </summary>
    public static async Task<LoadedSolution?> OpenRecordAsync(
        SolutionPath path, LoadRecord record, HostServices hostServices, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await RecordedLoad.OpenAsync(path, record, hostServices, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            progress?.Report(new WorkProgress("Loading", 0, 0, $"the last load could not be opened again ({exception.Message}): waiting for MSBuild's"));
            return null;
        }
    }

    /// <summary>How MSBuild's solution differs from <paramref name="started"/>, once it is loaded; null when they are the same.</summary>
    /// <param name="started">The solution opened from the record.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>The first difference, or null.</returns>
    public async Task<string?> DifferenceAsync(LoadedSolution started, CancellationToken cancellationToken) =>
        await LoadEquivalence.DifferenceAsync(await Loaded.ConfigureAwait(false), started, cancellationToken).ConfigureAwait(false);

    /// <summary>Stops a load still going; MSBuild's solution and its build host go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Loaded.IsCompleted)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            (await Loaded.ConfigureAwait(false)).Dispose();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The load was stopped, or failed after the run had no more use for it: what the run found stands (a load
            // that failed before the run's result was confirmed failed the run already).
        }
        finally
        {
            stop.Dispose();
        }
    }
}
