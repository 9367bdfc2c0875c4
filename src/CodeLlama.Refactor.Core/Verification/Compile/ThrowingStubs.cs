using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// A member whose body only throws <see cref="NotImplementedException"/> compiles and removes the error that called
/// for it, but is never a fix: it moves the failure from the build to the user's run. Counting the throws of that
/// exception before and after an edit finds the stubs a candidate adds, whatever it generated them from.
/// </summary>
internal static class ThrowingStubs
{
    public static async Task<bool> AddsAsync(Document before, Document after, CancellationToken cancellationToken) =>
        Count(await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))
        > Count(await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));

    private static int Count(SyntaxNode? root) =>
        root?.DescendantNodes().Count(node => node switch
        {
            ThrowStatementSyntax { Expression: { } thrown } => IsNotImplemented(thrown),
            ThrowExpressionSyntax { Expression: { } thrown } => IsNotImplemented(thrown),
            _ => false,
        }) ?? 0;

    private static bool IsNotImplemented(ExpressionSyntax thrown) =>
        thrown is ObjectCreationExpressionSyntax creation
        && creation.Type.ToString() is "NotImplementedException" or "System.NotImplementedException" or "global::System.NotImplementedException";
}
