using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates;

/// <summary>An error located in its document's syntax and semantic model, for the sources that build repairs from them.</summary>
/// <param name="Root">The document's syntax root.</param>
/// <param name="Model">The document's semantic model.</param>
/// <param name="Node">The innermost node that covers the error's span.</param>
internal sealed record ErrorSite(SyntaxNode Root, SemanticModel Model, SyntaxNode Node)
{
    /// <summary>The site of <paramref name="diagnostic"/> in <paramref name="document"/>, or null when it is not in its source.</summary>
    public static async Task<ErrorSite?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var span = diagnostic.Location.SourceSpan;
        return root is null || model is null || !root.FullSpan.Contains(span)
            ? null
            : new ErrorSite(root, model, root.FindNode(span, getInnermostNodeForTie: true));
    }
}
