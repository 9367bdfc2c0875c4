using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// The compiler's CS1591 rule: which declared symbols need a documentation comment, and whether they have one.
/// </summary>
public static class DocumentationRequirement
{
    /// <summary>Whether <paramref name="symbol"/> must be documented at <paramref name="visibility"/>.</summary>
    /// <param name="symbol">A symbol declared in source.</param>
    /// <param name="visibility">Public for the compiler's rule; all to include internal members.</param>
    /// <returns>True for documentable kinds that are visible enough.</returns>
    public static bool IsRequired(ISymbol symbol, Visibility visibility) =>
        !symbol.IsImplicitlyDeclared && IsDocumentableKind(symbol) && IsVisible(symbol, visibility);

    /// <summary>
    /// Whether a declaration of <paramref name="symbol"/> carries a documentation comment; a positional record
    /// property counts as documented when its record is (a missing <c>&lt;param&gt;</c> tag is CS1573, not CS1591).
    /// </summary>
    /// <param name="symbol">A symbol declared in source.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    /// <returns>True when some declaration is documented.</returns>
    public static bool IsDocumented(ISymbol symbol, CancellationToken cancellationToken = default) =>
        symbol.DeclaringSyntaxReferences.Any(reference => IsDocumented(reference.GetSyntax(cancellationToken)));

    /// <summary>The node whose leading trivia holds the documentation of the declaration <paramref name="declaration"/>.</summary>
    /// <param name="declaration">A declaring syntax node as Roslyn gives it (a variable declarator for fields).</param>
    /// <returns>The member declaration that carries the comment.</returns>
    public static SyntaxNode DocumentedNode(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field,
        _ => declaration,
    };

    /// <summary>Whether <paramref name="node"/> has a documentation comment in its leading trivia.</summary>
    /// <param name="node">A member or type declaration.</param>
    /// <returns>True when a <c>///</c> or <c>/** */</c> comment precedes it.</returns>
    public static bool HasDocumentationComment(SyntaxNode node) =>
        node.GetLeadingTrivia().Any(trivia =>
            trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
            || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
            || IsUnparsedDocumentationComment(trivia));

    // Without GenerateDocumentationFile the compiler parses with DocumentationMode.None, and "///" comments arrive as
    // plain comment trivia; the analyzer must still see them as documentation.
    private static bool IsUnparsedDocumentationComment(SyntaxTrivia trivia)
    {
        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
        {
            var text = trivia.ToString();
            return text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal);
        }

        if (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
        {
            var text = trivia.ToString();
            return text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsDocumented(SyntaxNode declaration) => declaration switch
    {
        ParameterSyntax { Parent.Parent: TypeDeclarationSyntax record } => HasDocumentationComment(record),
        _ => HasDocumentationComment(DocumentedNode(declaration)),
    };

    private static bool IsDocumentableKind(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol => true,
        IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor
            or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.Destructor,
        IPropertySymbol or IEventSymbol or IFieldSymbol => true,
        _ => false,
    };

    private static bool IsVisible(ISymbol symbol, Visibility visibility)
    {
        for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (!IsVisible(current.DeclaredAccessibility, visibility))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVisible(Accessibility accessibility, Visibility visibility) => accessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal => visibility == Visibility.All,
        _ => false,
    };
}
