using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>One edit across files: text changes gathered per document and applied to a solution together.</summary>
internal sealed class GroupEdit
{
    private readonly Dictionary<DocumentId, List<TextChange>> changes = [];

    /// <summary>Whether nothing was added.</summary>
    public bool IsEmpty => changes.Count == 0;

    /// <summary>Replaces <paramref name="span"/> of <paramref name="document"/> with <paramref name="text"/>; the same change twice counts once.</summary>
    public void Replace(DocumentId document, TextSpan span, string text)
    {
        if (!changes.TryGetValue(document, out var list))
        {
            changes[document] = list = [];
        }

        var change = new TextChange(span, text);
        if (!list.Contains(change))
        {
            list.Add(change);
        }
    }

    /// <summary>The solution with every change, or null when two changes of a document overlap.</summary>
    public async Task<Solution?> ApplyAsync(Solution solution, CancellationToken cancellationToken)
    {
        foreach (var (id, list) in changes)
        {
            var ordered = list.OrderBy(change => change.Span.Start).ToList();
            if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.Span.End > pair.Second.Span.Start))
            {
                return null;
            }

            var text = await solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentText(id, text.WithChanges(ordered));
        }

        return solution;
    }
}
