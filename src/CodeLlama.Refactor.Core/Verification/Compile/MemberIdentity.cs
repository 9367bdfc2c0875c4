using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Names the member a diagnostic sits in (file, enclosing types, member name and arity) in a way that survives edits
/// inside the member's body, so that a diagnostic before and after a repair can be told to be in the same member.
/// </summary>
internal static class MemberIdentity
{
    public static string? Of(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var parts = node.AncestorsAndSelf()
            .Where(ancestor => ancestor is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            .Select(Name)
            .Reverse()
            .ToList();
        return parts.Count == 0 ? null : $"{tree.FilePath}:{string.Join('.', parts)}";
    }

    private static string Name(SyntaxNode member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        MethodDeclarationSyntax method => $"{method.Identifier.ValueText}({method.ParameterList.Parameters.Count})",
        ConstructorDeclarationSyntax constructor => $"ctor({constructor.ParameterList.Parameters.Count})",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        BaseFieldDeclarationSyntax field => string.Join(',', field.Declaration.Variables.Select(variable => variable.Identifier.ValueText)),
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        OperatorDeclarationSyntax @operator => $"operator {@operator.OperatorToken.ValueText}",
        _ => member.Kind().ToString(),
    };
}
