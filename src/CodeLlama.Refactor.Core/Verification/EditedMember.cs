using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// The one member an edit changes, before and after, when the edit keeps every declaration of its document (only
/// statements and expressions inside that member differ). Binding inside a member depends on its own code and on the
/// declarations, not on other members' bodies, so every other member binds, reports and uses what it did before: only
/// this one needs compiling (<see cref="CompileVerifier"/>) and scanning (<see cref="Safety.SafetyGate"/>) again.
/// </summary>
/// <param name="Before">The member's declaration in the document before the edit.</param>
/// <param name="After">The same member's declaration after it.</param>
internal sealed record EditedMember(SyntaxNode Before, SyntaxNode After)
{
    /// <summary>The member <paramref name="after"/> changes in <paramref name="before"/>, or null when the edit changes a declaration or more than one member.</summary>
    /// <param name="before">The document before the edit.</param>
    /// <param name="after">The document after it.</param>
    /// <param name="cancellationToken">Cancels reading the documents.</param>
    /// <returns>The member, or null: then the whole document is scanned.</returns>
    public static async Task<EditedMember?> FindAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldRoot = await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // Top-level equivalence skips bodies but not a body whose directives changed: a #nullable or #pragma written in
        // one body holds for the members after it, so such an edit is judged in the whole document. Nor one that can
        // declare a field (DeclarationEquivalence).
        if (oldRoot is null || newRoot is null || !DeclarationEquivalence.AreKept(oldRoot, newRoot))
        {
            return null;
        }

        var oldText = (await before.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        var newText = (await after.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        var (newSpan, _) = ChangedSpan.Between(oldText, newText);
        var (oldSpan, _) = ChangedSpan.Between(newText, oldText);
        var oldMember = MemberHolding(oldRoot, oldSpan);
        var newMember = MemberHolding(newRoot, newSpan);
        // The same declaration in both: it starts where it started, before the first change.
        return oldMember is not null && newMember is not null && oldMember.RawKind == newMember.RawKind && oldMember.SpanStart == newMember.SpanStart
            ? new EditedMember(oldMember, newMember)
            : null;
    }

    // The member declaration (not a type or namespace) that holds the whole span, tokens at its ends included. None in
    // a type with a primary constructor: a body that starts or stops using one of its parameters changes what the
    // compiler reports at the parameter and at the initializers that read it (CS9113, CS9124), outside the member.
    private static MemberDeclarationSyntax? MemberHolding(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (span.End > root.FullSpan.End)
        {
            return null;
        }

        var member = root.FindNode(span, findInsideTrivia: false, getInnermostNodeForTie: true).AncestorsAndSelf()
            .OfType<MemberDeclarationSyntax>()
            .FirstOrDefault(node => node is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax or GlobalStatementSyntax));
        return member is not null && member.Span.Contains(span) && member.Parent is not TypeDeclarationSyntax { ParameterList: not null } ? member : null;
    }
}
