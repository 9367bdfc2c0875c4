using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Documentation;

/// <summary>Asks a text source for the content of each planned element of one comment (shared by doc and the IDE fixes).</summary>
public static class DocFiller
{
    /// <summary>
    /// Fills <paramref name="elements"/> in order. A source that reads the code sees the elements already written, and
    /// the comment ends with the element being written (the ones still to come are not there yet).
    /// </summary>
    /// <param name="elements">The planned elements.</param>
    /// <param name="draft">The member being documented.</param>
    /// <param name="render">Turns filled elements into the change that writes the comment.</param>
    /// <param name="textSource">Writes each element's text.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The filled elements; an element the source leaves empty gets the template text.</returns>
    public static async Task<IReadOnlyList<DocCommentWriter.FilledElement>> FillAsync(
        IReadOnlyList<DocElement> elements,
        DocDraft draft,
        Func<IReadOnlyList<DocCommentWriter.FilledElement>, TextChange?> render,
        IDocTextSource textSource,
        CancellationToken cancellationToken)
    {
        var filled = new List<DocCommentWriter.FilledElement>(elements.Count);
        foreach (var element in elements)
        {
            var index = filled.Count;
            var slot = draft.SlotFor(
                () => [.. filled.Take(index), new DocCommentWriter.FilledElement(element, [XmlDoc.Text(DocDraft.Marker)])],
                render);
            var content = await textSource.GetContentAsync(element, slot, cancellationToken).ConfigureAwait(false);
            filled.Add(new DocCommentWriter.FilledElement(element, content.Count > 0 ? content : TemplateDocText.Content(element)));
        }

        return filled;
    }
}
