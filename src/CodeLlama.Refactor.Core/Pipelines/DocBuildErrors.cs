using System.Collections.Immutable;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The compile errors <c>doc</c> leaves, so that its exit code 0 also means that <c>dotnet build</c> succeeds: the
/// solution with the edits doc wrote (or would write), compiled, every error counted wherever it is (<see cref="ErrorScope"/>).
/// Documentation errors a project raises (CS1591 under <c>TreatWarningsAsErrors</c>) that doc resolved are gone from it.
/// </summary>
internal static class DocBuildErrors
{
    /// <summary>The errors of the solution with the edits that were accepted, and those the user excluded by name.</summary>
    /// <param name="loaded">The solution as loaded.</param>
    /// <param name="files">The file scope; only its exclude globs leave an error out.</param>
    /// <param name="diagnose">
    /// Gives each project's compilation with the accepted edits and its diagnostics: for an edited project, those of
    /// the project as loaded with the documentation diagnostics of the edited one (comments change no code), the loaded
    /// one for any other (comments in a project it references change nothing it reports).
    /// </param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors that count and the excluded ones.</returns>
    public static async Task<(IReadOnlyList<CompileError> Counted, IReadOnlyList<CompileError> Excluded)> AfterAsync(
        LoadedSolution loaded,
        PathFilter? files,
        Func<Project, CancellationToken, Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)>> diagnose,
        CancellationToken cancellationToken)
    {
        var errors = CompileErrorFinder.ToErrors(await BuildErrors.FindAsync(
            loaded.Solution, loaded.ProjectsDiagnosingDocumentation, diagnose, cancellationToken: cancellationToken).ConfigureAwait(false));
        return new ErrorScope(files, null).Split(loaded, errors);
    }
}
