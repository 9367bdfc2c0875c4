using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>The type the code around an expression asks of it, where the syntax says so unambiguously.</summary>
internal static class ExpectedType
{
    public static ITypeSymbol? Of(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var type = expression.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: false } declaration } }
                => model.GetTypeInfo(declaration.Type, cancellationToken).Type,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetTypeInfo(property.Type, cancellationToken).Type,
            AssignmentExpressionSyntax assignment when assignment.Right == expression => model.GetTypeInfo(assignment.Left, cancellationToken).Type,
            ReturnStatementSyntax or ArrowExpressionClauseSyntax => ReturnType(model, expression),
            ArgumentSyntax { Parent: BaseArgumentListSyntax list } argument => ParameterType(model, list, argument, cancellationToken),
            _ => null,
        };
        return type is { TypeKind: not TypeKind.Error } ? type : null;
    }

    private static ITypeSymbol? ReturnType(SemanticModel model, ExpressionSyntax expression) =>
        model.GetEnclosingSymbol(expression.SpanStart) switch
        {
            IMethodSymbol { IsAsync: false, ReturnsVoid: false, MethodKind: not MethodKind.AnonymousFunction } method => method.ReturnType,
            IPropertySymbol property => property.Type,
            _ => null,
        };

    // The parameter's type when every method the call may mean agrees on it.
    private static ITypeSymbol? ParameterType(SemanticModel model, BaseArgumentListSyntax list, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        if (argument.NameColon is not null || list.Parent is null)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);
        var info = model.GetSymbolInfo(list.Parent, cancellationToken);
        var types = (info.Symbol is IMethodSymbol bound ? [bound] : info.CandidateSymbols.OfType<IMethodSymbol>())
            .Where(method => index < method.Parameters.Length && !method.Parameters[index].IsParams)
            .Select(method => method.Parameters[index].Type)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        return types.Count == 1 ? types[0] : null;
    }
}
