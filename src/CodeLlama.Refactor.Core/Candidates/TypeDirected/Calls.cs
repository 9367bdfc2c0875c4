using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>A call the compiler could not bind: its syntax, its argument list and the methods it may have meant.</summary>
internal sealed record Call(SyntaxNode Syntax, BaseArgumentListSyntax Arguments, IReadOnlyList<IMethodSymbol> Methods)
{
    /// <summary>The call around the error's node: an invocation, an object creation or a constructor initializer.</summary>
    public static Call? Around(RepairSite site)
    {
        var syntax = site.Node.AncestorsAndSelf().FirstOrDefault(node =>
            node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax);
        var arguments = syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            ConstructorInitializerSyntax initializer => initializer.ArgumentList,
            PrimaryConstructorBaseTypeSyntax baseType => baseType.ArgumentList,
            _ => null,
        };
        return syntax is null || arguments is null ? null : new Call(syntax, arguments, Candidates(site.Model, syntax));
    }

    /// <summary>The type of an argument's expression, or null where it has none of its own (a lambda, <c>null</c>).</summary>
    public static ITypeSymbol? TypeOf(SemanticModel model, ArgumentSyntax argument) => model.GetTypeInfo(argument.Expression).Type;

    /// <summary>Whether <paramref name="argument"/> can be passed for <paramref name="parameter"/> without loss.</summary>
    public static bool Fits(SemanticModel model, ArgumentSyntax argument, IParameterSymbol parameter)
    {
        if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) != (parameter.RefKind != RefKind.None))
        {
            return false;
        }

        // An expression without a type of its own (a lambda, null, a literal's constant conversion) fits where the
        // compiler would convert it implicitly.
        return TypeOf(model, argument) is { } type
            ? LosslessConversion.Exists(model.Compilation, type, parameter.Type) || model.ClassifyConversion(argument.Expression, parameter.Type) is { IsConstantExpression: true, IsImplicit: true }
            : model.ClassifyConversion(argument.Expression, parameter.Type).IsImplicit;
    }

    private static IReadOnlyList<IMethodSymbol> Candidates(SemanticModel model, SyntaxNode syntax)
    {
        var info = model.GetSymbolInfo(syntax);
        IEnumerable<IMethodSymbol> methods = info.Symbol is IMethodSymbol bound ? [bound] : info.CandidateSymbols.OfType<IMethodSymbol>();
        if (syntax is InvocationExpressionSyntax invocation)
        {
            methods = methods.Concat(model.GetMemberGroup(invocation.Expression).OfType<IMethodSymbol>());
        }
        else if (syntax is BaseObjectCreationExpressionSyntax && model.GetTypeInfo(syntax).Type is INamedTypeSymbol created)
        {
            methods = methods.Concat(created.InstanceConstructors.Where(constructor => model.IsAccessible(syntax.SpanStart, constructor)));
        }

        return methods.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).OrderBy(method => method.Parameters.Length).ToList();
    }
}
