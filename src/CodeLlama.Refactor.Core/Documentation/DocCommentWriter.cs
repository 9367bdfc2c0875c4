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
    /// <returns>
    /// An insertion at the start of the declaration's line, or of the <c>#if</c> line of a directive block that holds its
    /// attributes; for a declaration that follows code on its line, an insertion that also moves it to a line of its own.
    /// </returns>
    public static TextChange? NewComment(SyntaxNode declaration, SourceText text, bool inheritDoc, IReadOnlyList<FilledElement> elements)
    {
        var first = declaration.GetFirstToken();
        var indent = Indentation(declaration, text);
        var midLine = indent is null;
        indent ??= MovedIndentation(declaration, text);
        if (indent is null)
        {
            return null;
        }

        var lineEnding = LineEnding(text);
        var nodes = inheritDoc
            ? [XmlEmptyElement(XmlName("inheritdoc"), default)]
            : elements.SelectMany((filled, index) => Render(filled, indent, lineEnding, index > 0)).ToList();
        var comment = indent + Comment(nodes, indent, lineEnding).ToFullString();
        if (midLine)
        {
            // The whitespace between the code before it and the declaration becomes a line break, the comment and the
            // indentation of the container's members.
            var gapStart = first.SpanStart;
            while (gapStart > 0 && text[gapStart - 1] is ' ' or '\t')
            {
                gapStart--;
            }

            return new TextChange(TextSpan.FromBounds(gapStart, first.SpanStart), lineEnding + comment + indent);
        }

        return new TextChange(new TextSpan(text.Lines.GetLineFromPosition(CommentPosition(declaration)).Start, 0), comment);
    }

    // Where a new comment goes: before the declaration, or before the #if blocks just ahead of it that hold its
    // attributes. The comment then precedes the attributes in every target framework; placed between such a block and
    // the declaration it would follow the attributes in the targets that compile them (CS1587).
    private static int CommentPosition(SyntaxNode declaration)
    {
        var first = declaration.GetFirstToken();
        var header = declaration.ChildTokens().FirstOrDefault();
        var headerStart = header == default ? first.SpanStart : header.SpanStart;
        var trivia = first.LeadingTrivia;
        var position = first.SpanStart;
        for (var index = trivia.Count - 1; index >= 0; index--)
        {
            var item = trivia[index];
            if (item.IsKind(SyntaxKind.WhitespaceTrivia) || item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                continue;
            }

            // An #if whose #endif lies among the declaration's attribute lists: this tree compiles the attributes.
            if (item.GetStructure() is IfDirectiveTriviaSyntax open
                && open.GetRelatedDirectives() is [.., EndIfDirectiveTriviaSyntax close]
                && close.SpanStart > first.SpanStart && close.SpanStart < headerStart)
            {
                position = item.SpanStart;
                continue;
            }

            // A whole #if … #endif block ahead of the declaration, every branch of it attributes this tree does not compile.
            if (item.GetStructure() is EndIfDirectiveTriviaSyntax end
                && end.GetRelatedDirectives() is [IfDirectiveTriviaSyntax start, ..]
                && IndexOf(trivia, start) is var startIndex and >= 0
                && HoldsOnlyAttributes(trivia, startIndex, index))
            {
                position = start.SpanStart;
                index = startIndex;
                continue;
            }

            break;
        }

        return position;
    }

    private static int IndexOf(SyntaxTriviaList trivia, DirectiveTriviaSyntax directive)
    {
        for (var index = 0; index < trivia.Count; index++)
        {
            if (trivia[index].GetStructure() == directive)
            {
                return index;
            }
        }

        return -1;
    }

    // Whether the trivia between an #if and its #endif is only other branches' directives and attribute lists.
    private static bool HoldsOnlyAttributes(SyntaxTriviaList trivia, int start, int end)
    {
        for (var index = start + 1; index < end; index++)
        {
            var item = trivia[index];
            if (item.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                var code = item.ToString().Trim();
                if (!code.StartsWith("[", StringComparison.Ordinal) || !code.EndsWith("]", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (!(item.IsKind(SyntaxKind.WhitespaceTrivia) || item.IsKind(SyntaxKind.EndOfLineTrivia)
                || item.GetStructure() is ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax))
            {
                return false;
            }
        }

        return true;
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

    // A declaration that follows code on its line is given the indentation of its container's members: the container's
    // own (as it stands, or as it will be once moved itself) and one unit more.
    private static string? MovedIndentation(SyntaxNode declaration, SourceText text)
    {
        var container = declaration.Parent;
        if (container is CompilationUnitSyntax or FileScopedNamespaceDeclarationSyntax)
        {
            return string.Empty;
        }

        if (container is not (BaseTypeDeclarationSyntax or NamespaceDeclarationSyntax))
        {
            return null;
        }

        var outer = Indentation(container, text) ?? MovedIndentation(container, text);
        return outer is null ? null : outer + IndentUnit(text);
    }

    // The file's unit of indentation: a tab where lines are indented with tabs, else the smallest indentation of a line.
    private static string IndentUnit(SourceText text)
    {
        var smallest = int.MaxValue;
        foreach (var line in text.Lines)
        {
            var spaces = 0;
            while (line.Start + spaces < line.End && text[line.Start + spaces] == ' ')
            {
                spaces++;
            }

            if (spaces == 0 && line.Start < line.End && text[line.Start] == '\t')
            {
                return "\t";
            }

            if (spaces > 0 && line.Start + spaces < line.End)
            {
                smallest = Math.Min(smallest, spaces);
            }
        }

        return new string(' ', smallest is int.MaxValue or < 2 ? 4 : smallest);
    }

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
