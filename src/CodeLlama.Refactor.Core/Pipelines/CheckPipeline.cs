using System.Diagnostics;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Fast;
using CodeLlama.Refactor.Workspaces.Recorded;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Loads a solution and reports its compile errors (every one the user did not exclude by name) and its undocumented
/// members in scope; changes nothing. With a load cache, a solution MSBuild loaded before is checked as it was loaded
/// while MSBuild loads it again, and the result stands only when the two are the same (as <c>fix</c> does, <see cref="SpeculativeFix"/>).
/// </summary>
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
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        // A simple project is read without MSBuild (its command line is known in advance); any other goes through MSBuild.
        using (var fast = await FastProjectLoader.TryLoadAsync(path, options.Loading, cancellationToken).ConfigureAwait(false))
        {
            if (fast is not null)
            {
                return await CheckAsync(fast, options, stopwatch.Elapsed, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        if (options.LoadCache?.TryRead(path, options.Loading) is { } record)
        {
            return await FromRecordAsync(path, options, record, progress, cancellationToken).ConfigureAwait(false);
        }

        using var loaded = await WorkspaceLoader.LoadAsync(path, options.Loading, CompilerHost.MSBuildServices, progress, cancellationToken).ConfigureAwait(false);
        // The next run starts from this load (FromRecordAsync). Recorded beside the check: on a machine that checks a
        // solution once (a CI agent), the record is never read, and making it should cost the check little.
        var recording = options.LoadCache is { } cache
            ? Task.Run(() => cache.WriteAsync(loaded, options.Loading, cancellationToken), cancellationToken)
            : Task.FromResult(false);
        var result = await CheckAsync(loaded, options, stopwatch.Elapsed, progress, cancellationToken).ConfigureAwait(false);
        await recording.ConfigureAwait(false);
        return result;
    }

    // Checks the solution as last loaded while MSBuild loads it again (ConfirmingLoad); the result is given only when
    // MSBuild's solution is the same, else the check is made again on MSBuild's, whose load is then recorded.
    private static async Task<CheckResult> FromRecordAsync(
        SolutionPath path, CheckOptions options, LoadRecord record, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var msbuild = ConfirmingLoad.Start(path, options.Loading, () => CompilerHost.MSBuildServices, cancellationToken);
        using (var started = await ConfirmingLoad.OpenRecordAsync(path, record, CompilerHost.MSBuildServices, progress, cancellationToken).ConfigureAwait(false))
        {
            if (started is not null)
            {
                progress?.Report(new WorkProgress("Loading", record.Projects.Count, record.Projects.Count, "as last loaded; MSBuild loads the projects again, and nothing is reported until it agrees"));
                CheckResult? result = null;
                try
                {
                    result = await CheckAsync(started, options, stopwatch.Elapsed, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // What failed may have come from the recorded solution: only MSBuild's says.
                    if (await msbuild.DifferenceAsync(started, cancellationToken).ConfigureAwait(false) is null)
                    {
                        throw;
                    }
                }

                if (result is not null)
                {
                    if (await msbuild.DifferenceAsync(started, cancellationToken).ConfigureAwait(false) is not { } difference)
                    {
                        return result;
                    }

                    progress?.Report(new WorkProgress("Loading", 0, 0, $"the projects changed since they were last loaded ({difference}): checking them as MSBuild loaded them"));
                }
            }
        }

        var loaded = await msbuild.Loaded.ConfigureAwait(false);
        var again = await CheckAsync(loaded, options, msbuild.Took, progress, cancellationToken).ConfigureAwait(false);
        await options.LoadCache!.WriteAsync(loaded, options.Loading, cancellationToken).ConfigureAwait(false);
        return again;
    }

    private static async Task<CheckResult> CheckAsync(
        LoadedSolution opened, CheckOptions options, TimeSpan loading, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Check compiles and reports errors; generators that can have nothing to do are not run (see IdleSdkGenerators),
        // nor the analysis whose warnings cannot be errors (see ErrorsOnlyAnalysis).
        var loaded = opened with { Solution = ErrorsOnlyAnalysis.Apply(IdleSdkGenerators.WithoutIdle(opened.Solution)) };
        var files = options.Files ?? PathFilter.All;
        var diagnostics = options.Diagnostics ?? DiagnosticFilter.All;
        bool InScope(string? file) => files.IsEverything || (file is not null && files.Matches(loaded.RelativePath(file)));

        // Compile errors count wherever they are (see ErrorScope); the file and diagnostic scope chooses documentation findings.
        var (errors, excluded) = new ErrorScope(options.Files, options.Diagnostics)
            .Split(loaded, await CompileErrorFinder.FindAsync(loaded, progress, cancellationToken).ConfigureAwait(false));
        var preExisting = options.Change is null
            ? null
            : await ChangeCausation.PreExistingAsync(loaded, options.Change, errors, cancellationToken).ConfigureAwait(false);
        var compiling = stopwatch.Elapsed;
        var reported = (await ReportedUndocumentedMembers.FindAsync(loaded, options.Visibility, cancellationToken).ConfigureAwait(false))
            .Where(entry => InScope(entry.Member.FilePath) && diagnostics.Includes(entry.RuleId, entry.Severity))
            .ToList();
        var undocumented = reported.Select(entry => entry.Member).ToList();

        return new CheckResult(
            loaded.RootDirectory,
            loaded.Projects.Count(),
            loaded.Projects.Sum(project => project.DocumentIds.Count),
            errors,
            undocumented,
            loaded.Diagnostics,
            new StageTimes(loading, compiling, stopwatch.Elapsed - compiling))
        {
            ExcludedErrors = excluded,
            PreExistingErrors = preExisting,
            NotReportedByBuild = reported
                .Where(entry => entry.RuleId == DocumentationDiagnosticIds.MissingCommentBeyondBuild)
                .Select(entry => entry.Member)
                .ToHashSet(),
        };
    }
}
