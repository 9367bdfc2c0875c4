using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Whether two snapshots of a solution compile from the same inputs: the same projects, options and references, the same
/// documents, and every document's text equal. Two such snapshots report the same build errors, so those found for one
/// hold for the other.
/// </summary>
internal static class SameCompilationInputs
{
    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> compile from the same inputs.</summary>
    /// <param name="first">One snapshot.</param>
    /// <param name="second">The other, of the same solution.</param>
    /// <param name="cancellationToken">Cancels reading the texts.</param>
    /// <returns>True only when nothing a compilation reads differs; a text with equal content read again counts as equal.</returns>
    public static async Task<bool> AreAsync(Solution first, Solution second, CancellationToken cancellationToken)
    {
        var changes = second.GetChanges(first);
        if (changes.GetAddedProjects().Any() || changes.GetRemovedProjects().Any())
        {
            return false;
        }

        foreach (var project in changes.GetProjectChanges())
        {
            if (!ProjectShape.OnlyDocumentTextsDiffer(project))
            {
                return false;
            }

            foreach (var id in project.GetChangedDocuments())
            {
                var (oldDocument, newDocument) = (project.OldProject.GetDocument(id)!, project.NewProject.GetDocument(id)!);
                if (oldDocument.FilePath != newDocument.FilePath || oldDocument.SourceCodeKind != newDocument.SourceCodeKind
                    || !(await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false))
                        .ContentEquals(await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
