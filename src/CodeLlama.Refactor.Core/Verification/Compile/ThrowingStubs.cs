using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// A member whose body only throws compiles and removes the error that called for it, but is never a fix: it moves the
/// failure from the build to the user's run. Counting, before and after an edit, the throws of
/// <see cref="NotImplementedException"/> (anywhere: it only ever marks missing code) and the members whose whole body
/// throws <see cref="NotSupportedException"/> (legitimate in a branch, a stub as a whole body) finds the stubs a
/// candidate adds, whatever it generated them from.
/// </summary>
internal static class ThrowingStubs
{
    public static async Task<bool> AddsAsync(Document before, Document after, CancellationToken cancellationToken) =>
        Count(await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))
        > Count(await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));

    private static int Count(SyntaxNode? root) =>
        root?.DescendantNodes().Count(node => node switch
        {
            ThrowStatementSyntax { Expression: { } thrown } => Is(thrown, "NotImplementedException")
                || (Is(thrown, "NotSupportedException") && node.Parent is BlockSyntax { Statements.Count: 1, Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax }),
            ThrowExpressionSyntax { Expression: { } thrown } => Is(thrown, "NotImplementedException")
                || (Is(thrown, "NotSupportedException") && node.Parent is ArrowExpressionClauseSyntax),
            _ => false,
        }) ?? 0;

    private static bool Is(ExpressionSyntax thrown, string exception) =>
        thrown is ObjectCreationExpressionSyntax creation
        && creation.Type.ToString() is var type
        && (type == exception || type == $"System.{exception}" || type == $"global::System.{exception}");
}
