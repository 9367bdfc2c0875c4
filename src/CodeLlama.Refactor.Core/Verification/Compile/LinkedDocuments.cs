using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// One file on disk can be several Roslyn documents: one per target framework of a multi-targeting project, one per
/// project that links it, one per project importing a shared project. A candidate edits one of them; the file that
/// would be written is all of them, so the edit is carried to every document of the same file before it is verified.
/// </summary>
internal static class LinkedDocuments
{
    /// <summary>
    /// <paramref name="edited"/> with each document that changed since <paramref name="before"/> given the same text in
    /// every other document of its file.
    /// </summary>
    public static async Task<Solution> SpreadAsync(Solution before, Solution edited, CancellationToken cancellationToken)
    {
        var solution = edited;
        var changed = edited.GetChanges(before).GetProjectChanges()
            .SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            .ToList();
        foreach (var id in changed)
        {
            var document = edited.GetDocument(id)!;
            if (document.FilePath is null)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var related in edited.GetDocumentIdsWithFilePath(document.FilePath).Where(related => related != id))
            {
                var relatedText = await solution.GetDocument(related)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (!relatedText.ContentEquals(text))
                {
                    solution = solution.WithDocumentText(related, text);
                }
            }
        }

        return solution;
    }
}
