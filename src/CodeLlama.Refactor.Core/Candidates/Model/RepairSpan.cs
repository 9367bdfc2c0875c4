using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>
/// What the model rewrites for an error: the smallest statement around it that stands on its own in a statement list
/// (a block or a switch section), so any statement can replace it; when the error is not inside such a statement
/// (an expression-bodied member, a field initializer, a signature), the whole member declaration around it.
/// </summary>
public static class RepairSpan
{
    /// <summary>The span to rewrite for an error at <paramref name="errorSpan"/>.</summary>
    /// <param name="root">The file's syntax root.</param>
    /// <param name="errorSpan">Where the error is.</param>
    /// <returns>The statement's or member's span, or null when the error is outside any member.</returns>
    public static TextSpan? For(SyntaxNode root, TextSpan errorSpan)
    {
        var node = root.FindToken(errorSpan.Start).Parent;
        var statement = node?.AncestorsAndSelf().OfType<StatementSyntax>()
            .FirstOrDefault(candidate => candidate is not BlockSyntax && candidate.Parent is BlockSyntax or SwitchSectionSyntax);
        if (statement is not null)
        {
            return statement.Span;
        }

        var member = node?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
            .FirstOrDefault(candidate => candidate is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not DelegateDeclarationSyntax);
        return member?.Span;
    }
}
