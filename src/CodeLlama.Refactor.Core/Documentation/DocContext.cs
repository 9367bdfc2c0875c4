using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>Where a comment is written: the semantic model of its file and the declaration it documents.</summary>
/// <param name="Model">The semantic model of the declaration's tree.</param>
/// <param name="Declaration">The member declaration the comment goes on.</param>
public sealed record DocContext(SemanticModel Model, SyntaxNode Declaration)
{
    /// <summary>
    /// Where the names in the comment are looked up: inside the containing type's braces, outside any member, so that a
    /// lookup sees the type's members without binding the member's own body; for a type, its declaration.
    /// </summary>
    public int Position => Declaration.Parent is BaseTypeDeclarationSyntax type ? type.OpenBraceToken.Span.End : Declaration.SpanStart;
}
