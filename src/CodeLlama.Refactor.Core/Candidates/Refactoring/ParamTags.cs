using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// Keeps the <c>&lt;param&gt;</c> tags of a method's documentation comment in step with a new parameter list, so that a
/// project that treats documentation warnings as errors still builds after a re-signing (CS1572: a tag for a
/// parameter that is gone; CS1573: a parameter without a tag where others have one). A tag whose parameter was renamed
/// in place (a new name where its parameter was) takes the new name and keeps its text; a tag whose parameter is gone is removed with its line; a new
/// parameter gets an empty tag after the last one, only where the comment tags parameters at all.
/// </summary>
internal static class ParamTags
{
    /// <summary>Adds to <paramref name="edit"/> the tag changes that fit <paramref name="method"/>'s comment to <paramref name="parameterList"/>.</summary>
    /// <param name="edit">The edit of the whole re-signing.</param>
    /// <param name="document">The method's document.</param>
    /// <param name="method">The method as it is declared now.</param>
    /// <param name="parameterList">The new parameter list, parentheses included.</param>
    public static void Resign(GroupEdit edit, DocumentId document, MethodDeclarationSyntax method, string parameterList)
    {
        var tags = Tags(method);
        if (tags.Count == 0)
        {
            return;
        }

        var text = method.SyntaxTree.GetText();
        var oldNames = method.ParameterList.Parameters.Select(parameter => parameter.Identifier.ValueText).ToList();
        var newNames = SyntaxFactory.ParseParameterList(parameterList).Parameters.Select(parameter => parameter.Identifier.ValueText).ToList();
        var tagged = tags.Select(tag => tag.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, element, attribute) in tags.Where(tag => !newNames.Contains(tag.Name)))
        {
            // Renamed in place: its position in the new list holds a name that is new, with no tag yet.
            var position = oldNames.IndexOf(name);
            if (position >= 0 && position < newNames.Count && !tagged.Contains(newNames[position]) && !oldNames.Contains(newNames[position]))
            {
                edit.Replace(document, attribute.Identifier.Span, newNames[position]);
                tagged.Add(newNames[position]);
            }
            else
            {
                edit.Replace(document, LineOf(text, element.Span), "");
            }
        }

        var missing = newNames.Where(name => !tagged.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            var last = tags[^1].Element;
            var line = text.Lines.GetLineFromPosition(last.SpanStart);
            var prefix = text.ToString(TextSpan.FromBounds(line.Start, last.SpanStart));
            var newLine = text.ToString().Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            edit.Replace(document, new TextSpan(last.Span.End, 0),
                string.Concat(missing.Select(name => $"{newLine}{prefix}<param name=\"{name}\"></param>")));
        }
    }

    private static List<(string Name, XmlElementSyntax Element, IdentifierNameSyntax Attribute)> Tags(MethodDeclarationSyntax method) =>
        [.. method.GetLeadingTrivia()
            .Select(trivia => trivia.GetStructure()).OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(comment => comment.Content.OfType<XmlElementSyntax>())
            .Where(element => element.StartTag.Name.LocalName.ValueText == "param")
            .Select(element => (Element: element, Attribute: element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()))
            .Where(tag => tag.Attribute is not null)
            .Select(tag => (tag.Attribute!.Identifier.Identifier.ValueText, tag.Element, tag.Attribute.Identifier))];

    // The whole line of a tag that is alone on its line (`/// <param ...>...</param>`), else the tag alone.
    private static TextSpan LineOf(SourceText text, TextSpan span)
    {
        var first = text.Lines.GetLineFromPosition(span.Start);
        var last = text.Lines.GetLineFromPosition(span.End);
        var before = text.ToString(TextSpan.FromBounds(first.Start, span.Start)).Trim();
        var after = text.ToString(TextSpan.FromBounds(span.End, last.End)).Trim();
        return before == "///" && after.Length == 0 ? TextSpan.FromBounds(first.Start, last.EndIncludingLineBreak) : span;
    }
}
