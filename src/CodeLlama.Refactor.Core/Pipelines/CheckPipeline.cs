using System.Diagnostics;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>Loads a solution and reports its compile errors and undocumented members; changes nothing.</summary>
public static class CheckPipeline
{
    /// <summary>Runs the check on <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project to check.</param>
    /// <param name="options">What to look for.</param>
    /// <param name="progress">Receives loading and compiling progress.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What was found.</returns>
    public static async Task<CheckResult> RunAsync(
        SolutionPath path,
        CheckOptions options,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        using var loaded = await WorkspaceLoader.LoadAsync(path, new LoadOptions(options.Restore), progress: progress, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var loading = stopwatch.Elapsed;
        var errors = await CompileErrorFinder.FindAsync(loaded, progress, cancellationToken).ConfigureAwait(false);
        var compiling = stopwatch.Elapsed - loading;
        var undocumented = await UndocumentedMemberFinder.FindAsync(loaded, options.Visibility, cancellationToken)
            .ConfigureAwait(false);

        return new CheckResult(
            loaded.RootDirectory,
            loaded.Projects.Count(),
            loaded.Projects.Sum(project => project.DocumentIds.Count),
            errors,
            undocumented,
            loaded.Diagnostics,
            new StageTimes(loading, compiling, stopwatch.Elapsed - loading - compiling));
    }
}
