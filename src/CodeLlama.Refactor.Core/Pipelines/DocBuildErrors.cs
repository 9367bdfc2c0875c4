using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The compile errors <c>doc</c> leaves, so that its exit code 0 also means that <c>dotnet build</c> succeeds: the
/// solution with the edits doc wrote (or would write), compiled, every error counted wherever it is (<see cref="ErrorScope"/>).
/// Documentation errors a project raises (CS1591 under <c>TreatWarningsAsErrors</c>) that doc resolved are gone from it.
/// </summary>
internal static class DocBuildErrors
{
    /// <summary>The errors after <paramref name="accepted"/> are applied, and those the user excluded by name.</summary>
    /// <param name="loaded">The solution as loaded.</param>
    /// <param name="files">The file scope; only its exclude globs leave an error out.</param>
    /// <param name="accepted">The edits written, or shown by a dry run.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors that count and the excluded ones.</returns>
    public static async Task<(IReadOnlyList<CompileError> Counted, IReadOnlyList<CompileError> Excluded)> AfterAsync(
        LoadedSolution loaded, PathFilter? files, IEnumerable<(Document Before, SourceText Updated)> accepted, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        foreach (var (before, updated) in accepted)
        {
            // Every document of a linked file carries the same text.
            foreach (var id in before.FilePath is null ? [before.Id] : solution.GetDocumentIdsWithFilePath(before.FilePath))
            {
                solution = solution.WithDocumentText(id, updated, PreservationMode.PreserveIdentity);
            }
        }

        var errors = await CompileErrorFinder.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ErrorScope(files, null).Split(loaded, errors);
    }
}
