using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Documentation;

/// <summary>One member being documented: its file and declaration.</summary>
/// <param name="Root">The file's syntax root.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Declaration">The member's declaration.</param>
public sealed record DocDraft(SyntaxNode Root, SourceText Text, SyntaxNode Declaration)
{
    /// <summary>Where a new comment goes: the start of the declaration's first line, in the file as it is.</summary>
    public int Anchor => Text.Lines.GetLineFromPosition(Declaration.GetFirstToken().SpanStart).Start;

    /// <summary>The end of the member's last line, line break included, in the file as it is.</summary>
    public int MemberEnd => Text.Lines.GetLineFromPosition(Declaration.Span.End).EndIncludingLineBreak;
}
