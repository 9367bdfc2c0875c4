using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>Asks a text source for the content of each planned element of one comment (shared by doc and the IDE fixes).</summary>
public static class DocFiller
{
    /// <summary>
    /// Fills <paramref name="elements"/> in order. Each element is asked for as a <see cref="DocGap"/> holding the elements
    /// already filled (the ones still to come are not there yet).
    /// </summary>
    /// <param name="elements">The planned elements.</param>
    /// <param name="draft">The member being documented.</param>
    /// <param name="comment">The existing comment the elements are appended to, or null for a new comment.</param>
    /// <param name="textSource">Writes each element's text.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The filled elements; an element the source leaves empty gets the template text.</returns>
    public static async Task<IReadOnlyList<DocCommentWriter.FilledElement>> FillAsync(
        IReadOnlyList<DocElement> elements,
        DocDraft draft,
        DocumentationCommentTriviaSyntax? comment,
        IDocTextSource textSource,
        CancellationToken cancellationToken)
    {
        var filled = new List<DocCommentWriter.FilledElement>(elements.Count);
        foreach (var element in elements)
        {
            var gap = new DocGap(draft, comment, [.. filled], element);
            var content = await textSource.GetContentAsync(gap, cancellationToken).ConfigureAwait(false);
            filled.Add(new DocCommentWriter.FilledElement(element, content.Count > 0 ? content : TemplateDocText.Content(element)));
        }

        return filled;
    }
}
