using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>One error as the type-directed repairs see it: its document, syntax, semantic model and the node it marks.</summary>
internal sealed record RepairSite(Document Document, SourceText Text, SyntaxNode Root, SemanticModel Model, Diagnostic Diagnostic)
{
    /// <summary>The innermost node that covers the error's span.</summary>
    public SyntaxNode Node => Root.FindNode(Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>A candidate that applies <paramref name="changes"/> to the document; the rank-th of its error's list.</summary>
    public Candidate Edit(string title, int rank, params TextChange[] changes) =>
        new(TypeDirectedSource.SourceName, title, Document.WithText(Text.WithChanges(changes)).Project.Solution, TypeDirectedSource.Preference)
        {
            Rank = rank,
        };

    /// <summary>A candidate that replaces the text of <paramref name="node"/> (without its trivia) with <paramref name="replacement"/>.</summary>
    public Candidate Replace(SyntaxNode node, string replacement, string title, int rank) =>
        Edit(title, rank, new TextChange(node.Span, replacement));

    /// <summary>The name of <paramref name="symbol"/> as code at <paramref name="position"/> would write its type.</summary>
    public string TypeName(ITypeSymbol symbol, int position) => symbol.ToMinimalDisplayString(Model, position);
}
