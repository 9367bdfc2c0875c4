using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Silencing the compiler is never a fix: a <c>#pragma warning disable</c> or <c>#nullable disable</c> hides the
/// diagnostic and every later one like it, and a <c>!</c> (null-forgiving operator) tells the compiler a value is not
/// null without making it so. Counting them before and after an edit finds the ones a candidate adds.
/// </summary>
internal static class Suppressions
{
    /// <summary>Whether <paramref name="after"/> has more warning-disabling directives than <paramref name="before"/>.</summary>
    public static async Task<bool> AddsDirectiveAsync(Document before, Document after, CancellationToken cancellationToken) =>
        Directives(await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))
        > Directives(await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Whether <paramref name="after"/> has more null-forgiving operators than <paramref name="before"/>.</summary>
    public static async Task<bool> AddsNullForgivingAsync(Document before, Document after, CancellationToken cancellationToken) =>
        NullForgiving(await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))
        > NullForgiving(await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));

    private static int Directives(SyntaxNode? root) =>
        root?.DescendantTrivia(descendIntoTrivia: true).Count(trivia => trivia.GetStructure() switch
        {
            PragmaWarningDirectiveTriviaSyntax pragma => pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword),
            NullableDirectiveTriviaSyntax nullable => nullable.SettingToken.IsKind(SyntaxKind.DisableKeyword),
            _ => false,
        }) ?? 0;

    private static int NullForgiving(SyntaxNode? root) =>
        root?.DescendantNodes().Count(node => node.IsKind(SyntaxKind.SuppressNullableWarningExpression)) ?? 0;
}
