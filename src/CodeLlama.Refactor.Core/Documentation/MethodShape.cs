using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>What a method's body does that its comment can say: which parameter it always returns, or <c>this</c>.</summary>
internal static class MethodShape
{
    /// <summary>The parameter every <c>return</c> of the body (or its expression body) returns, or null.</summary>
    /// <param name="method">The method.</param>
    /// <param name="context">Where its comment goes.</param>
    /// <remarks>
    /// Read from syntax alone: no local of the body can share a parameter's name, so a returned identifier with that
    /// name is the parameter, and the body is never bound for it.
    /// </remarks>
    public static IParameterSymbol? ReturnedParameter(IMethodSymbol method, DocContext? context) =>
        Returned(context) is { Count: > 0 } returned
        && returned.Select(expression => expression is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : null).Distinct().ToList() is [{ } name]
            ? method.Parameters.FirstOrDefault(parameter => parameter.Name == name)
            : null;

    /// <summary>Whether every <c>return</c> of the body returns <c>this</c>.</summary>
    /// <param name="context">Where its comment goes.</param>
    public static bool ReturnsThis(DocContext? context) =>
        Returned(context) is { Count: > 0 } returned && returned.All(expression => expression is ThisExpressionSyntax);

    /// <summary>
    /// The field or property of the method's own type that every <c>return</c> of the body returns (<c>=&gt; _items</c>,
    /// <c>return this.Count;</c>), or null.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="context">Where its comment goes.</param>
    /// <remarks>Binds only that one returned name, and only for a method whose name says nothing of what it does.</remarks>
    public static ISymbol? ReturnedMember(IMethodSymbol method, DocContext? context)
    {
        if (context is null || Returned(context) is not { Count: > 0 } returned
            || returned.Select(expression => expression.ToString()).Distinct().Count() != 1
            || returned[0] is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax }))
        {
            return null;
        }

        var symbol = context.Model.GetSymbolInfo(returned[0]).Symbol;
        return symbol is IFieldSymbol or IPropertySymbol { IsIndexer: false }
            && SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, method.ContainingType?.OriginalDefinition)
            && symbol.IsStatic == method.IsStatic
                ? symbol
                : null;
    }

    /// <summary>
    /// Whether the method may act on its instance: false only for an instance method whose body calls something and
    /// never touches the instance (<c>this</c>, <c>base</c>, an instance member of its type met by a simple name), as a
    /// forwarder to a static method does. A stub's body (<c>{ }</c>, <c>=&gt; Task.CompletedTask</c>), or none to read
    /// (abstract, extern), says nothing against it.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="context">Where its comment goes.</param>
    public static bool MayActOnInstance(IMethodSymbol method, DocContext? context)
    {
        SyntaxNode? body = context?.Declaration switch
        {
            BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
            BaseMethodDeclarationSyntax { Body: { } block } => block,
            _ => null,
        };
        if (method.IsStatic || body is null)
        {
            return !method.IsStatic;
        }

        if (!body.DescendantNodes().Any(node => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return true;
            }

            // Only a name that is not the right side of a member access can be an implicit this.Member.
            if (node is SimpleNameSyntax name && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                && context!.Model.GetSymbolInfo(name).Symbol is { IsStatic: false, Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Method or SymbolKind.Event } member
                && member is not IMethodSymbol { MethodKind: MethodKind.LocalFunction }
                && member.ContainingType is not null && method.ContainingType is not null
                && IsSameOrBase(member.ContainingType, method.ContainingType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameOrBase(INamedTypeSymbol candidate, INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static List<ExpressionSyntax>? Returned(DocContext? context)
    {
        switch (context?.Declaration)
        {
            case BaseMethodDeclarationSyntax { ExpressionBody.Expression: var expression }:
                return [Unwrapped(expression)];
            case BaseMethodDeclarationSyntax { Body: { } body }:
                var returns = body.DescendantNodes(node => node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
                    .OfType<ReturnStatementSyntax>()
                    .ToList();
                return returns.Any(statement => statement.Expression is null) ? null
                    : returns.Select(statement => Unwrapped(statement.Expression!)).ToList();
            default:
                return null;
        }
    }

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => Unwrapped(parenthesized.Expression),
        PostfixUnaryExpressionSyntax { OperatorToken.ValueText: "!" } suppressed => Unwrapped(suppressed.Operand),
        _ => expression,
    };
}
