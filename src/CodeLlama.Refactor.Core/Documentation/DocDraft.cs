using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Documentation;

/// <summary>One member being documented: its file and declaration, and the slots of its elements.</summary>
/// <param name="Root">The file's syntax root.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Declaration">The member's declaration.</param>
public sealed record DocDraft(SyntaxNode Root, SourceText Text, SyntaxNode Declaration)
{
    /// <summary>Stands for the element's content in the draft; a private-use character no source file holds next to a comment.</summary>
    public const string Marker = "\uE000";

    /// <summary>The slot of one element, with the comment rendered from <paramref name="elements"/> (one holding <see cref="Marker"/>).</summary>
    /// <param name="elements">Computes the comment's elements, the one being asked for holding the marker.</param>
    /// <param name="render">Turns elements into the change that writes the comment.</param>
    /// <returns>The slot; its texts are computed only if a source reads them.</returns>
    public DocSlot SlotFor(
        Func<IReadOnlyList<DocCommentWriter.FilledElement>> elements,
        Func<IReadOnlyList<DocCommentWriter.FilledElement>, TextChange?> render)
    {
        var anchor = Text.Lines.GetLineFromPosition(Declaration.GetFirstToken().SpanStart).Start;
        return new DocSlot(Root, anchor, () =>
        {
            if (render(elements()) is not { } change)
            {
                return (string.Empty, string.Empty);
            }

            // The comment goes in front of the declaration, so the member's end moves by the comment's length.
            var memberEnd = Text.Lines.GetLineFromPosition(Declaration.Span.End).EndIncludingLineBreak + change.NewText!.Length - change.Span.Length;
            var draft = Text.WithChanges(change).ToString();
            var marker = draft.IndexOf(Marker, StringComparison.Ordinal);
            return (draft[..marker], draft[(marker + Marker.Length)..memberEnd]);
        });
    }
}
