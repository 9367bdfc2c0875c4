using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>Where a statement goes at the end of a block, indented like its neighbours, in the file's line endings.</summary>
internal static class BodyText
{
    public static TextChange AppendStatement(SourceText text, BlockSyntax body, string statement)
    {
        var closeBrace = body.CloseBraceToken;
        var braceLine = text.Lines.GetLineFromPosition(closeBrace.SpanStart);
        var beforeBrace = text.ToString(TextSpan.FromBounds(braceLine.Start, closeBrace.SpanStart));
        if (!string.IsNullOrWhiteSpace(beforeBrace) || body.OpenBraceToken.Span.End > braceLine.Start)
        {
            // A body on one line: the statement goes before the brace on that line.
            return new TextChange(new TextSpan(closeBrace.SpanStart, 0), $"{statement} ");
        }

        var indent = body.Statements.Count > 0 ? IndentOf(text, body.Statements[^1].SpanStart) : beforeBrace + "    ";
        var newLine = text.Lines.Count > 1 && text.ToString(TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak)) is { Length: > 0 } first
            ? first
            : Environment.NewLine;
        var separator = body.Statements.Count > 0 && SetsOffFinalReturn(body) ? newLine : "";
        return new TextChange(new TextSpan(braceLine.Start, 0), $"{separator}{indent}{statement}{newLine}");
    }

    // The file's habit: whether its other bodies leave an empty line before their final return. Without examples, an
    // empty line follows a block statement's closing brace, as most code does.
    private static bool SetsOffFinalReturn(BlockSyntax body)
    {
        var examples = body.SyntaxTree.GetRoot().DescendantNodes().OfType<BlockSyntax>()
            .Where(block => block != body && block.Statements.Count >= 2 && block.Statements[^1] is ReturnStatementSyntax)
            .Select(block => block.Statements[^1].GetLeadingTrivia().Any(SyntaxKind.EndOfLineTrivia))
            .ToList();
        return examples.Count > 0
            ? examples.Count(blank => blank) * 2 >= examples.Count
            : body.Statements[^1].GetLastToken().IsKind(SyntaxKind.CloseBraceToken);
    }

    private static string IndentOf(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var lineText = text.ToString(line.Span);
        return lineText[..(lineText.Length - lineText.TrimStart().Length)];
    }
}
