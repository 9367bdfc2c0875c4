using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// Whether an edit of a document keeps every declaration in it: what other members and other projects bind to.
/// </summary>
public static class DeclarationEquivalence
{
    /// <summary>
    /// True when <paramref name="before"/> and <paramref name="after"/> are top-level equivalent (the same signatures,
    /// attributes, constant and enum values, default arguments and directives; bodies and the initializers of fields that
    /// are not constant may differ) and no code inside a member of either can declare a field: the <c>field</c> keyword
    /// in an accessor (the property has a backing field only while an accessor uses it, which constructors must then
    /// assign and which is part of a struct's layout), or a struct's primary constructor parameter read in a member
    /// (captured into a field of the struct: whether it is unmanaged, what its users must assign).
    /// </summary>
    /// <param name="before">A document's root before an edit.</param>
    /// <param name="after">Its root after the edit.</param>
    /// <returns>True when every declaration is kept.</returns>
    public static bool AreKept(SyntaxNode before, SyntaxNode after) =>
        before == after
        || (SyntaxFactory.AreEquivalent(before, after, topLevel: true) && !MayDeclareFields(before) && !MayDeclareFields(after));

    private static bool MayDeclareFields(SyntaxNode root) =>
        root.DescendantNodes().Any(node => node.IsKind(SyntaxKind.FieldExpression)
            || node is StructDeclarationSyntax { ParameterList: not null }
            || node is RecordDeclarationSyntax { ParameterList: not null } record && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));
}
