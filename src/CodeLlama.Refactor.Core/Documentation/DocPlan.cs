using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>What a symbol's documentation comment must hold: <c>&lt;inheritdoc/&gt;</c>, or the full list of elements.</summary>
/// <param name="InheritDoc">True when the symbol overrides or implements a documented member.</param>
/// <param name="Elements">The elements in the order they are written; empty with <paramref name="InheritDoc"/>.</param>
public sealed record DocPlan(bool InheritDoc, IReadOnlyList<DocElement> Elements)
{
    /// <summary>Plans the comment of <paramref name="symbol"/> declared by <paramref name="declaration"/>.</summary>
    /// <param name="symbol">The symbol to document.</param>
    /// <param name="declaration">Its member declaration.</param>
    /// <param name="model">The semantic model of the declaration's tree.</param>
    /// <param name="isDocumentedInSource">Tells whether a source symbol is documented, or will be by this run.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="inheritWhenPossible">False to plan every element even for an override, e.g. to complete its own comment.</param>
    /// <returns>The plan.</returns>
    public static DocPlan For(
        ISymbol symbol,
        SyntaxNode declaration,
        SemanticModel model,
        Func<ISymbol, bool> isDocumentedInSource,
        CancellationToken cancellationToken,
        bool inheritWhenPossible = true)
    {
        if (inheritWhenPossible && InheritedFrom(symbol) is { } inherited && IsDocumented(inherited, isDocumentedInSource, model.Compilation))
        {
            return new DocPlan(true, []);
        }

        var context = new DocContext(model, declaration);
        var elements = new List<DocElement> { new(symbol, DocElementKind.Summary, Context: context) };
        elements.AddRange(TypeParameters(symbol).Select(name => new DocElement(symbol, DocElementKind.TypeParam, name, Context: context)));
        elements.AddRange(ParameterNames(symbol, declaration).Select(name => new DocElement(symbol, DocElementKind.Param, name, Context: context)));
        if (HasReturns(symbol))
        {
            elements.Add(new DocElement(symbol, DocElementKind.Returns, Context: context));
        }

        if (symbol is IPropertySymbol)
        {
            elements.Add(new DocElement(symbol, DocElementKind.Value, Context: context));
        }

        // A type's comment does not list what its members throw; each member's comment does.
        if (symbol is not INamedTypeSymbol)
        {
            elements.AddRange(ThrownExceptions.Find(declaration, model, cancellationToken)
                .Select(thrown => (thrown, Cref: TypeText.CrefFor(thrown.Type, context)))
                .Where(entry => entry.Cref is not null)
                .Select(entry => new DocElement(symbol, DocElementKind.Exception, entry.Cref, entry.thrown.Site, context)));
        }

        return new DocPlan(false, elements);
    }

    /// <summary>The member that <paramref name="symbol"/> overrides or implicitly implements, if any.</summary>
    /// <param name="symbol">A member.</param>
    /// <returns>The overridden or implemented member, or null.</returns>
    public static ISymbol? InheritedFrom(ISymbol symbol)
    {
        var overridden = symbol switch
        {
            IMethodSymbol method => (ISymbol?)method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            IEventSymbol @event => @event.OverriddenEvent,
            _ => null,
        };
        if (overridden is not null || symbol.ContainingType is null || symbol is INamedTypeSymbol)
        {
            return overridden;
        }

        return symbol.ContainingType.AllInterfaces
            .SelectMany(@interface => @interface.GetMembers(symbol.Name))
            .FirstOrDefault(member => SymbolEqualityComparer.Default.Equals(
                symbol.ContainingType.FindImplementationForInterfaceMember(member), symbol));
    }

    private static bool IsDocumented(ISymbol inherited, Func<ISymbol, bool> isDocumentedInSource, Compilation compilation) =>
        inherited.Locations.Any(location => location.IsInSource)
            ? isDocumentedInSource(inherited.OriginalDefinition)
            : MetadataDocumentation.IsDocumented(inherited, compilation);

    private static IEnumerable<string> TypeParameters(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => type.TypeParameters.Select(parameter => parameter.Name),
        IMethodSymbol method => method.TypeParameters.Select(parameter => parameter.Name),
        _ => [],
    };

    private static IEnumerable<string> ParameterNames(ISymbol symbol, SyntaxNode declaration) => symbol switch
    {
        IMethodSymbol method => method.Parameters.Select(parameter => parameter.Name),
        IPropertySymbol { IsIndexer: true } indexer => indexer.Parameters.Select(parameter => parameter.Name),
        INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters.Select(parameter => parameter.Name),
        // A record's positional parameters (and a class's primary constructor parameters) are documented on the type.
        INamedTypeSymbol when declaration is TypeDeclarationSyntax { ParameterList: { } parameters } =>
            parameters.Parameters.Select(parameter => parameter.Identifier.ValueText),
        _ => [],
    };

    private static bool HasReturns(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } => false,
        IMethodSymbol method => !method.ReturnsVoid,
        INamedTypeSymbol { DelegateInvokeMethod: { ReturnsVoid: false } } => true,
        _ => false,
    };
}
