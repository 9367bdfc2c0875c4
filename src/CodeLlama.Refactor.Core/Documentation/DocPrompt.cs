using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// What an infill model reads around one element: the file with the member's comment drafted up to the element, split
/// at the element's content. <see cref="Before"/> ends inside the element (e.g. <c>/// &lt;summary&gt;</c>, a line break,
/// the indentation and <c>/// </c>); <see cref="After"/> starts at its closing tag and runs to the end of the member,
/// since text further on says little about this member and would be read again for every element.
/// </summary>
/// <param name="Before">The file up to the element's content.</param>
/// <param name="After">From the end of the element's content to the end of the member's last line.</param>
public sealed record DocPrompt(string Before, string After)
{
    // Stands for the element's content while the comment is drafted; a private-use character no source file holds
    // next to a comment, so the first one in the draft is the element's.
    private const string Marker = "\uE000";

    /// <summary>The prompt for <paramref name="gap"/>: the comment laid out as it will be written, split at the element.</summary>
    /// <param name="gap">The element and what comes before it.</param>
    /// <returns>The text before and after the element's content; both empty when the comment cannot be written there.</returns>
    public static DocPrompt For(DocGap gap)
    {
        var draft = gap.Draft;
        IReadOnlyList<DocCommentWriter.FilledElement> elements =
            [.. gap.Filled, new DocCommentWriter.FilledElement(gap.Element, [XmlDoc.Text(Marker)])];
        var change = gap.Comment is null
            ? DocCommentWriter.NewComment(draft.Declaration, draft.Text, inheritDoc: false, elements)
            : DocCommentWriter.CompleteComment(gap.Comment, draft.Declaration, draft.Text, elements);
        if (change is not { } written)
        {
            return new DocPrompt(string.Empty, string.Empty);
        }

        // The comment goes in front of the member's end, so that end moves by the comment's length.
        var memberEnd = draft.MemberEnd + written.NewText!.Length - written.Span.Length;
        var text = draft.Text.WithChanges(written).ToString();
        var marker = text.IndexOf(Marker, StringComparison.Ordinal);
        return new DocPrompt(text[..marker], text[(marker + Marker.Length)..memberEnd]);
    }
}
