using System.Diagnostics;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Fast;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Loads a solution and reports its compile errors (every one the user did not exclude by name) and its undocumented
/// members in scope; changes nothing.
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
        using var opened = await FastProjectLoader.TryLoadAsync(path, options.Loading, cancellationToken).ConfigureAwait(false)
            ?? await WorkspaceLoader.LoadAsync(path, options.Loading, CompilerHost.MSBuildServices, progress, cancellationToken)
                .ConfigureAwait(false);
        // Check compiles and reports errors; generators that can have nothing to do are not run (see IdleSdkGenerators),
        // nor the analysis whose warnings cannot be errors (see ErrorsOnlyAnalysis).
        var loaded = opened with { Solution = ErrorsOnlyAnalysis.Apply(IdleSdkGenerators.WithoutIdle(opened.Solution)) };
        var loading = stopwatch.Elapsed;
        var files = options.Files ?? PathFilter.All;
        var diagnostics = options.Diagnostics ?? DiagnosticFilter.All;
        bool InScope(string? file) => files.IsEverything || (file is not null && files.Matches(loaded.RelativePath(file)));

        // Compile errors count wherever they are (see ErrorScope); the file and diagnostic scope chooses documentation findings.
        var (errors, excluded) = new ErrorScope(options.Files, options.Diagnostics)
            .Split(loaded, await CompileErrorFinder.FindAsync(loaded, progress, cancellationToken).ConfigureAwait(false));
        var preExisting = options.Change is null
            ? null
            : await ChangeCausation.PreExistingAsync(loaded, options.Change, errors, cancellationToken).ConfigureAwait(false);
        var compiling = stopwatch.Elapsed - loading;
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
            new StageTimes(loading, compiling, stopwatch.Elapsed - loading - compiling))
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
