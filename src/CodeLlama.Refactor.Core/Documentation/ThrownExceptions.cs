using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The exception types a member's body throws directly: <c>throw new X(…)</c> and the <c>X.ThrowIf…(argument)</c> helpers
/// (<c>ArgumentNullException.ThrowIfNull</c>, <c>ArgumentOutOfRangeException.ThrowIfNegative</c>, …).
/// </summary>
public static class ThrownExceptions
{
    /// <summary>Finds the exception types thrown directly in <paramref name="declaration"/>, first occurrence first.</summary>
    /// <param name="declaration">A member declaration.</param>
    /// <param name="model">The semantic model of its tree.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>Each thrown type once, with where it is thrown.</returns>
    public static IReadOnlyList<(INamedTypeSymbol Type, ThrowSite Site)> Find(
        SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<(INamedTypeSymbol Type, ThrowSite Site)>();
        foreach (var node in declaration.DescendantNodes(descendIntoChildren: child => child is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
        {
            var thrown = node switch
            {
                ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } => FromCreation(creation, model, cancellationToken),
                ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax creation } => FromCreation(creation, model, cancellationToken),
                InvocationExpressionSyntax invocation => FromHelper(invocation, model, cancellationToken),
                _ => null,
            };
            if (thrown is { } entry && !found.Any(existing => SymbolEqualityComparer.Default.Equals(existing.Type, entry.Type)))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private static (INamedTypeSymbol Type, ThrowSite Site)? FromCreation(
        ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol type && IsException(type)
            ? (type, new ThrowSite(null, null))
            : null;

    private static (INamedTypeSymbol Type, ThrowSite Site)? FromHelper(
        InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name }
            || !name.StartsWith("ThrowIf", StringComparison.Ordinal)
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsStatic: true, ContainingType: var type }
            || !IsException(type))
        {
            return null;
        }

        var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var parameter = argument is null ? null : model.GetSymbolInfo(argument, cancellationToken).Symbol as IParameterSymbol;
        return (type, new ThrowSite(name, parameter?.Name));
    }

    private static bool IsException(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Exception", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }
}
