using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>Writes the comment <c>doc</c> would write for the member a diagnostic points at, with any text source.</summary>
internal static class DocumentationFix
{
    /// <summary>The document with the member at <paramref name="span"/> documented, or the same document when it cannot be.</summary>
    public static async Task<Document> DocumentAsync(Document document, TextSpan span, IDocTextSource textSource, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Target(root.FindToken(span.Start).Parent, model, cancellationToken) is not { } target
            || DocumentationRequirement.HasDocumentationComment(target.Declaration))
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var plan = DocPlan.For(target.Symbol, target.Declaration, model, symbol => DocumentationRequirement.IsDocumented(symbol, cancellationToken), cancellationToken);
        TextChange? Render(IReadOnlyList<DocCommentWriter.FilledElement> elements) =>
            DocCommentWriter.NewComment(target.Declaration, text, plan.InheritDoc, elements);
        var draft = new DocDraft(root, text, target.Declaration);
        var filled = await DocFiller.FillAsync(plan.Elements, draft, null, textSource, cancellationToken).ConfigureAwait(false);
        return Render(filled) is { } change ? document.WithText(text.WithChanges(change)) : document;
    }

    // The documented symbol and the node its comment goes on; a record's positional parameter and a primary
    // constructor are documented on their type.
    private static (ISymbol Symbol, SyntaxNode Declaration)? Target(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is ParameterSyntax or ParameterListSyntax)
            {
                continue;
            }

            if (model.GetDeclaredSymbol(current, cancellationToken) is { } symbol && current is MemberDeclarationSyntax or VariableDeclaratorSyntax)
            {
                return (symbol, DocumentationRequirement.DocumentedNode(current));
            }
        }

        return null;
    }
}
