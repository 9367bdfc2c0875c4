using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Documentation;

/// <summary>Where a comment is written: the semantic model of its file and the declaration it documents.</summary>
/// <param name="Model">The semantic model of the declaration's tree.</param>
/// <param name="Declaration">The member declaration the comment goes on.</param>
public sealed record DocContext(SemanticModel Model, SyntaxNode Declaration)
{
    /// <summary>Where crefs in the comment are bound.</summary>
    public int Position => Declaration.SpanStart;
}
