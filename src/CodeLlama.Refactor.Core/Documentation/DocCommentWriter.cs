using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Turns planned elements into documentation-comment trivia built with syntax factories, laid out with the member's
/// indentation and the file's line endings, as a text change that inserts it (or completes an existing comment).
/// </summary>
public static class DocCommentWriter
{
    /// <summary>One element of a comment with its content.</summary>
    /// <param name="Element">The planned element.</param>
    /// <param name="Content">Its XML content.</param>
    public sealed record FilledElement(DocElement Element, IReadOnlyList<XmlNodeSyntax> Content);

    /// <summary>The change that puts a new comment before <paramref name="declaration"/>, or null when it cannot.</summary>
    /// <param name="declaration">The member declaration (for fields, the field declaration).</param>
    /// <param name="text">The file's text.</param>
    /// <param name="inheritDoc">True to write <c>&lt;inheritdoc/&gt;</c>.</param>
    /// <param name="elements">The filled elements, when not inheriting.</param>
    /// <returns>An insertion at the start of the declaration's line; null when the declaration does not start its line.</returns>
    public static TextChange? NewComment(SyntaxNode declaration, SourceText text, bool inheritDoc, IReadOnlyList<FilledElement> elements)
    {
        if (Indentation(declaration, text) is not { } indent)
        {
            return null;
        }

        var lineEnding = LineEnding(text);
        var nodes = inheritDoc
            ? [XmlEmptyElement(XmlName("inheritdoc"), default)]
            : elements.SelectMany((filled, index) => Render(filled, indent, lineEnding, index > 0)).ToList();
        var comment = Comment(nodes, indent, lineEnding);
        var lineStart = text.Lines.GetLineFromPosition(declaration.GetFirstToken().SpanStart).Start;
        return new TextChange(new TextSpan(lineStart, 0), indent + comment.ToFullString());
    }

    /// <summary>
    /// The change that appends the missing elements to an existing <c>///</c> comment, after its last line, leaving every
    /// existing character as it is; null when nothing is missing or the comment cannot be completed safely.
    /// </summary>
    /// <param name="comment">The existing comment.</param>
    /// <param name="declaration">The member it documents.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="missing">The filled elements to add.</param>
    /// <returns>An insertion after the comment, or null.</returns>
    public static TextChange? CompleteComment(
        DocumentationCommentTriviaSyntax comment, SyntaxNode declaration, SourceText text, IReadOnlyList<FilledElement> missing)
    {
        if (missing.Count == 0 || !comment.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
            || Indentation(declaration, text) is not { } indent)
        {
            return null;
        }

        var lineEnding = LineEnding(text);
        var lines = missing.Select(filled => Comment(Render(filled, indent, lineEnding, false).ToList(), indent, lineEnding));
        return new TextChange(new TextSpan(comment.FullSpan.End, 0), string.Concat(lines.Select(line => indent + line.ToFullString())));
    }

    /// <summary>The names already documented by <paramref name="tag"/> elements (<c>param</c> or <c>typeparam</c>).</summary>
    /// <param name="comment">A documentation comment.</param>
    /// <param name="tag">The element name.</param>
    /// <returns>The values of their name attributes.</returns>
    public static ISet<string> DocumentedNames(DocumentationCommentTriviaSyntax comment, string tag) =>
        comment.DescendantNodes().OfType<XmlNameAttributeSyntax>()
            .Where(attribute => attribute.Parent is XmlElementStartTagSyntax start && start.Name.LocalName.ValueText == tag
                || attribute.Parent is XmlEmptyElementSyntax empty && empty.Name.LocalName.ValueText == tag)
            .Select(attribute => attribute.Identifier.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="comment"/> has an element named <paramref name="tag"/>.</summary>
    /// <param name="comment">A documentation comment.</param>
    /// <param name="tag">The element name.</param>
    /// <returns>True when present.</returns>
    public static bool HasElement(DocumentationCommentTriviaSyntax comment, string tag) =>
        comment.DescendantNodes().Any(node =>
            node is XmlElementSyntax element && element.StartTag.Name.LocalName.ValueText == tag
            || node is XmlEmptyElementSyntax empty && empty.Name.LocalName.ValueText == tag);

    private static IEnumerable<XmlNodeSyntax> Render(FilledElement filled, string indent, string lineEnding, bool onNewLine)
    {
        if (onNewLine)
        {
            yield return NewLine(indent, lineEnding);
        }

        var element = filled.Element;
        yield return element.Kind switch
        {
            DocElementKind.Summary => XmlDoc.Element(
                "summary", null, [NewLine(indent, lineEnding), .. filled.Content, NewLine(indent, lineEnding)]),
            DocElementKind.TypeParam => XmlDoc.Element("typeparam", XmlDoc.NameAttribute(element.Name!), filled.Content),
            DocElementKind.Param => XmlDoc.Element("param", XmlDoc.NameAttribute(element.Name!), filled.Content),
            DocElementKind.Returns => XmlDoc.Element("returns", null, filled.Content),
            DocElementKind.Value => XmlDoc.Element("value", null, filled.Content),
            DocElementKind.Exception => XmlDoc.Element("exception", XmlDoc.CrefAttribute(element.Name!), filled.Content),
            _ => throw new ArgumentOutOfRangeException(nameof(filled), element.Kind, "Unknown documentation element."),
        };
    }

    // "/// " + nodes + line ending: the first exterior has no indentation, the caller puts the member's in front.
    private static DocumentationCommentTriviaSyntax Comment(IReadOnlyList<XmlNodeSyntax> nodes, string indent, string lineEnding) =>
        DocumentationCommentTrivia(
            SyntaxKind.SingleLineDocumentationCommentTrivia,
            List<XmlNodeSyntax>([
                XmlText(XmlTextLiteral(TriviaList(DocumentationCommentExterior("///")), " ", " ", TriviaList())),
                .. nodes,
                XmlText(XmlTextNewLine(lineEnding, continueXmlDocumentationComment: false)),
            ]));

    // A line break inside a comment, followed by the next line's indentation and "/// ".
    private static XmlTextSyntax NewLine(string indent, string lineEnding) =>
        XmlText(
            XmlTextNewLine(lineEnding, continueXmlDocumentationComment: false),
            XmlTextLiteral(TriviaList(DocumentationCommentExterior(indent + "///")), " ", " ", TriviaList()));

    private static string? Indentation(SyntaxNode declaration, SourceText text)
    {
        var start = declaration.GetFirstToken().SpanStart;
        var line = text.Lines.GetLineFromPosition(start);
        var indent = text.ToString(TextSpan.FromBounds(line.Start, start));
        return indent.All(character => character is ' ' or '\t') ? indent : null;
    }

    private static string LineEnding(SourceText text) =>
        text.Lines.FirstOrDefault(line => line.EndIncludingLineBreak > line.End) is { } first
            ? text.ToString(TextSpan.FromBounds(first.End, first.EndIncludingLineBreak))
            : "\n"; // a file without any line break gets its first
}
