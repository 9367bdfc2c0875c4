using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Editing;

/// <summary>The file edits between two snapshots of a solution.</summary>
public static class SolutionEdits
{
    /// <summary>
    /// One edit per changed file, whatever number of documents (target frameworks, linking projects) show that file.
    /// </summary>
    /// <param name="original">The solution as loaded.</param>
    /// <param name="edited">The solution with verified changes.</param>
    /// <param name="cancellationToken">Cancels reading the texts.</param>
    /// <returns>The edits, ordered by path.</returns>
    /// <exception cref="InvalidOperationException">Two documents of one file were given different texts.</exception>
    public static async Task<IReadOnlyList<FileEdit>> BetweenAsync(Solution original, Solution edited, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<string, FileEdit>(StringComparer.Ordinal);
        var changed = edited.GetChanges(original).GetProjectChanges()
            .SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true));
        foreach (var id in changed)
        {
            var before = original.GetDocument(id)!;
            var edit = new FileEdit(
                before.FilePath!,
                await before.GetTextAsync(cancellationToken).ConfigureAwait(false),
                await edited.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
            if (edits.TryGetValue(edit.FilePath, out var other) && !other.Updated.ContentEquals(edit.Updated))
            {
                throw new InvalidOperationException($"{edit.FilePath} was given two different texts by its linked documents.");
            }

            edits[edit.FilePath] = edit;
        }

        return edits.Values.OrderBy(edit => edit.FilePath, StringComparer.Ordinal).ToList();
    }
}
