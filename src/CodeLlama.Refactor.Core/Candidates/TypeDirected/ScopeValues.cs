using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>A value a repair can use: its name as written at the position, its symbol and type.</summary>
/// <param name="Name">The name as code at the position writes it.</param>
/// <param name="Symbol">The local, parameter, field, property or constant.</param>
/// <param name="Type">Its type.</param>
internal sealed record ScopeValue(string Name, ISymbol Symbol, ITypeSymbol Type);

/// <summary>
/// The values in scope at a position (locals declared before it, parameters, fields, properties, constants) that are
/// assignable to a type without loss, best first: the name most like a hint, then an exact type over a converted one,
/// then locals and parameters over members, then the name.
/// </summary>
internal static class ScopeValues
{
    public static IReadOnlyList<ScopeValue> AssignableTo(SemanticModel model, int position, ITypeSymbol type, string? nameHint) =>
        InScope(model, position)
            .Where(value => LosslessConversion.Exists(model.Compilation, value.Type, type))
            .OrderByDescending(value => nameHint is null ? 0 : NameSimilarity.Score(value.Name, nameHint))
            .ThenBy(value => LosslessConversion.IsIdentity(model.Compilation, value.Type, type) ? 0 : 1)
            .ThenBy(value => value.Symbol is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(value => value.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// How much data flow favours <paramref name="value"/> at <paramref name="position"/>, in [0, 0.6]: a local computed
    /// in the same method just before the position most, the further back the less; a parameter a little; a member not.
    /// A value computed just above a call is the likeliest argument whatever its name (<c>overtime</c> for <c>hours</c>).
    /// </summary>
    public static double FlowScore(ScopeValue value, int position, IReadOnlyList<ScopeValue> inScope)
    {
        if (value.Symbol is IParameterSymbol)
        {
            return 0.05;
        }

        if (value.Symbol is not ILocalSymbol)
        {
            return 0;
        }

        // Locals of the method, nearest declaration first.
        var nearer = inScope.Count(other => other.Symbol is ILocalSymbol && DeclarationEnd(other.Symbol) > DeclarationEnd(value.Symbol) && DeclarationEnd(other.Symbol) <= position);
        return Math.Max(0.2, 0.6 - (0.1 * nearer));
    }

    private static int DeclarationEnd(ISymbol symbol) => symbol.DeclaringSyntaxReferences.Select(reference => reference.Span.End).DefaultIfEmpty(0).Max();

    public static IReadOnlyList<ScopeValue> InScope(SemanticModel model, int position)
    {
        var enclosing = model.GetEnclosingSymbol(position);
        var staticContext = IsStaticContext(enclosing);
        var values = new List<ScopeValue>();
        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                ILocalSymbol local when DeclaredBefore(local, position) => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || field.IsConst || !staticContext) => field.Type,
                IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null && (property.IsStatic || !staticContext) => property.Type,
                _ => null,
            };
            if (type is not null && !IsItself(symbol, enclosing))
            {
                values.Add(new ScopeValue(symbol.Name, symbol, type));
            }
        }

        return values;
    }

    // A member's own value (the property a getter belongs to) would only call itself.
    private static bool IsItself(ISymbol symbol, ISymbol? enclosing) =>
        SymbolEqualityComparer.Default.Equals(symbol, enclosing)
        || (enclosing is IMethodSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(symbol, associated));

    // A local is in scope in its whole block, but can only be read after its declaration.
    private static bool DeclaredBefore(ILocalSymbol local, int position) =>
        local.DeclaringSyntaxReferences.All(reference => reference.Span.End <= position);

    private static bool IsStaticContext(ISymbol? enclosing)
    {
        for (var symbol = enclosing; symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic && symbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction and not MethodKind.LocalFunction }
                or IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true })
            {
                return true;
            }
        }

        return false;
    }
}
