using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Which compile errors a change caused: those absent when the documents it changed are put back, in memory, as they
/// were at the merge base, and the same projects compiled again. Only a label: every error counts whatever its cause
/// (<see cref="ErrorScope"/>). Project files, and files deleted since the merge base, are taken as they are now.
/// </summary>
internal static class ChangeCausation
{
    /// <summary>The errors of <paramref name="errors"/> that the merge base of <paramref name="change"/> also has.</summary>
    /// <param name="loaded">The solution as loaded.</param>
    /// <param name="change">The change: its merge base and the files it touches.</param>
    /// <param name="errors">The errors as loaded.</param>
    /// <param name="cancellationToken">Cancels git and compilation.</param>
    /// <returns>The pre-existing errors; every other one of <paramref name="errors"/> is caused by the change.</returns>
    public static async Task<IReadOnlySet<CompileError>> PreExistingAsync(
        LoadedSolution loaded, GitChange change, IReadOnlyList<CompileError> errors, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            return new HashSet<CompileError>();
        }

        var atBase = await AtMergeBaseAsync(loaded, change, cancellationToken).ConfigureAwait(false);
        // Lines move when a file changes, so an error is matched by what it says and where: id, file, message, project.
        var left = atBase.CountBy(Key).ToDictionary();
        var preExisting = new HashSet<CompileError>();
        foreach (var error in errors)
        {
            if (left.GetValueOrDefault(Key(error)) > 0)
            {
                left[Key(error)]--;
                preExisting.Add(error);
            }
        }

        return preExisting;
    }

    private static (string, string?, string, string) Key(CompileError error) => (error.Id, error.FilePath, error.Message, error.ProjectName);

    // The changed documents as committed at the merge base; one the merge base lacks (added by the change) is left out.
    private static async Task<IReadOnlyList<CompileError>> AtMergeBaseAsync(LoadedSolution loaded, GitChange change, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        foreach (var file in change.Files)
        {
            var ids = solution.GetDocumentIdsWithFilePath(file);
            if (ids.IsEmpty)
            {
                continue;
            }

            var text = await GitChanges.TextAtAsync(change, change.MergeBase, file, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids)
            {
                solution = text is null
                    ? solution.RemoveDocument(id)
                    : solution.WithDocumentText(id, SourceText.From(text), PreservationMode.PreserveIdentity);
            }
        }

        return await CompileErrorFinder.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
