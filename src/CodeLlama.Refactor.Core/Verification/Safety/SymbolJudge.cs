using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>Why a symbol is not allowed: what it is, and for a solution member the symbol its body reaches.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Symbol">The symbol as the report names it.</param>
/// <param name="Via">For a solution member, the first symbol it reaches that is not allowed.</param>
internal sealed record Blocked(RefusalKind Kind, string Symbol, string? Via = null);

/// <summary>
/// Decides whether untrusted code may reference a symbol: always-refused symbols never; otherwise one the edited member
/// already referenced, one on the allow-list, or a member or type of the solution whose bodies (and, for a type, what
/// runs without being called: overrides, interface implementations, initializers, static constructors, finalizers)
/// reach only allowed symbols, followed through the solution's calls. That analysis is cached for the run, by syntax
/// tree and span, so unchanged code is analyzed once whatever the candidate.
/// </summary>
internal sealed class SymbolJudge(AllowList allowList)
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    private readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Outcome>> bodies = new();
    private readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Outcome>> members = new();
    private readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Outcome>> types = new();
    private readonly HashSet<(SyntaxTree, TextSpan)> inProgress = [];
    private bool provisional;

    /// <summary>The symbol display the reports use: namespace-qualified, no parameters for members.</summary>
    public static SymbolDisplayFormat Display { get; } = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>A symbol's identity across compilations: its documentation ID.</summary>
    public static string Key(ISymbol symbol) => symbol.OriginalDefinition.GetDocumentationCommentId() ?? symbol.OriginalDefinition.ToDisplayString();

    /// <summary>Why <paramref name="symbol"/> may not be referenced by code that referenced <paramref name="before"/>, or null.</summary>
    public async ValueTask<Blocked?> CheckAsync(ISymbol symbol, IReadOnlySet<string> before, Solution solution, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case IAliasSymbol alias:
                return await CheckAsync(alias.Target, before, solution, cancellationToken).ConfigureAwait(false);
            case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol or INamespaceSymbol or IPreprocessingSymbol or ITypeParameterSymbol:
                return null;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                // Their bodies are in the code being walked.
                return null;
            case ITypeSymbol type:
                return await CheckTypeAsync(type, before, solution, cancellationToken).ConfigureAwait(false);
        }

        var member = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol;
        if (member.ContainingType is not { } containing || containing.IsAnonymousType)
        {
            return null;
        }

        if (AlwaysRefused.Member(member) is { } always)
        {
            return new Blocked(always, member.OriginalDefinition.ToDisplayString(Display));
        }

        if (await FirstBlockedTypeAsync(TypeArguments(symbol), before, solution, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            return blocked;
        }

        if (before.Contains(Key(member)))
        {
            return null;
        }

        if (IsInSolution(member, solution))
        {
            return await CheckSolutionMemberAsync(member.OriginalDefinition, solution, cancellationToken).ConfigureAwait(false);
        }

        return allowList.AllowsMember(member.OriginalDefinition) ? null : new Blocked(RefusalKind.NotAllowed, member.OriginalDefinition.ToDisplayString(Display));
    }

    private async ValueTask<Blocked?> CheckTypeAsync(ITypeSymbol type, IReadOnlySet<string> before, Solution solution, CancellationToken cancellationToken)
    {
        if (AlwaysRefused.Type(type) is { } always)
        {
            return new Blocked(always, type.ToDisplayString(Display));
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return await CheckTypeAsync(array.ElementType, before, solution, cancellationToken).ConfigureAwait(false);
            case INamedTypeSymbol { IsAnonymousType: true } or IErrorTypeSymbol:
                return null;
            case INamedTypeSymbol named:
                if (await FirstBlockedTypeAsync(TypeArguments(named), before, solution, cancellationToken).ConfigureAwait(false) is { } blocked)
                {
                    return blocked;
                }

                if (before.Contains(Key(named)))
                {
                    return null;
                }

                if (IsInSolution(named, solution))
                {
                    return await CheckSolutionTypeAsync(named.OriginalDefinition, solution, cancellationToken).ConfigureAwait(false);
                }

                return allowList.AllowsType(named) ? null : new Blocked(RefusalKind.NotAllowed, named.OriginalDefinition.ToDisplayString(Display));
            default:
                return null;
        }
    }

    // A solution member: its type (what runs when the type is used), its own body, and every override or implementation.
    private ValueTask<Blocked?> CheckSolutionMemberAsync(ISymbol member, Solution solution, CancellationToken cancellationToken) =>
        CachedAsync(members, member, () => CheckSolutionMemberUncachedAsync(member, solution, cancellationToken));

    private async ValueTask<Blocked?> CheckSolutionMemberUncachedAsync(ISymbol member, Solution solution, CancellationToken cancellationToken)
    {
        if (await CheckSolutionTypeAsync(member.ContainingType, solution, cancellationToken).ConfigureAwait(false) is { } typeBlocked)
        {
            return typeBlocked;
        }

        if (await CheckBodiesAsync(member, solution, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            return blocked;
        }

        if (member.IsAbstract || member.IsVirtual || member.IsOverride || member.ContainingType.TypeKind == TypeKind.Interface)
        {
            var others = member.ContainingType.TypeKind == TypeKind.Interface
                ? await SymbolFinder.FindImplementationsAsync(member, solution, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await SymbolFinder.FindOverridesAsync(member, solution, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var other in others)
            {
                if (await CheckBodiesAsync(other, solution, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return found with { Symbol = member.ToDisplayString(Display) };
                }
            }
        }

        return null;
    }

    // What runs when a solution type is merely used: overrides (ToString, Equals…), interface implementations
    // (Dispose, GetEnumerator, CompareTo…), parameterless constructors, field and property initializers, static
    // constructors and finalizers, and the same for its base types.
    private ValueTask<Blocked?> CheckSolutionTypeAsync(INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken) =>
        CachedAsync(types, type, () => CheckSolutionTypeUncachedAsync(type, solution, cancellationToken));

    private async ValueTask<Blocked?> CheckSolutionTypeUncachedAsync(INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken)
    {
        for (var current = type.OriginalDefinition; current is not null && IsInSolution(current, solution); current = current.BaseType?.OriginalDefinition)
        {
            var implementations = current.AllInterfaces.SelectMany(contract => contract.GetMembers())
                .Select(current.FindImplementationForInterfaceMember)
                .OfType<ISymbol>()
                .ToHashSet(SymbolEqualityComparer.Default);
            foreach (var member in current.GetMembers())
            {
                var runsUncalled = member switch
                {
                    IMethodSymbol method => method.IsOverride || method.MethodKind is MethodKind.StaticConstructor or MethodKind.Destructor || implementations.Contains(method)
                        // A parameterless constructor runs when the library makes the type for the candidate (Lazy<T>, new() constraints).
                        || method is { MethodKind: MethodKind.Constructor, Parameters.IsEmpty: true },
                    IFieldSymbol or IPropertySymbol => HasInitializer(member),
                    _ => false,
                };
                if (runsUncalled && await CheckBodiesAsync(member, solution, cancellationToken).ConfigureAwait(false) is { } blocked)
                {
                    return blocked with { Symbol = current.ToDisplayString(Display) };
                }
            }

            if (current.ContainingType is { } outer && await CheckSolutionTypeAsync(outer, solution, cancellationToken).ConfigureAwait(false) is { } outerBlocked)
            {
                return outerBlocked;
            }
        }

        return null;
    }

    // Unchanged code keeps its syntax tree from one candidate to the next, so a result found for a declaration holds
    // for the run; code a candidate changes is in a new tree, and is walked as a changed member anyway. Results that
    // assumed a declaration still being analyzed (recursion) are not kept.
    private async ValueTask<Blocked?> CachedAsync(ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Outcome>> table, ISymbol symbol, Func<ValueTask<Blocked?>> compute)
    {
        if (symbol.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference)
        {
            return await compute().ConfigureAwait(false);
        }

        var cache = table.GetOrCreateValue(reference.SyntaxTree);
        if (cache.TryGetValue(reference.Span, out var known))
        {
            return known.Blocked;
        }

        var outer = provisional;
        provisional = false;
        var found = await compute().ConfigureAwait(false);
        if (found is not null || !provisional)
        {
            cache[reference.Span] = new Outcome(found);
        }

        provisional |= outer;
        return found;
    }

    private static bool HasInitializer(ISymbol member) => member.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() switch
    {
        VariableDeclaratorSyntax { Initializer: not null } => true,
        PropertyDeclarationSyntax { Initializer: not null } => true,
        _ => false,
    });

    private async ValueTask<Blocked?> CheckBodiesAsync(ISymbol member, Solution solution, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var cache = bodies.GetOrCreateValue(reference.SyntaxTree);
            if (cache.TryGetValue(node.Span, out var known))
            {
                if (known.Blocked is not null)
                {
                    return known.Blocked;
                }

                continue;
            }

            if (!inProgress.Add((reference.SyntaxTree, node.Span)))
            {
                // Recursion: assumed allowed while the outer analysis decides; results that relied on it are not kept.
                provisional = true;
                continue;
            }

            var outer = provisional;
            provisional = false;
            Blocked? found;
            try
            {
                found = await WalkBodyAsync(member, node, solution, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                inProgress.Remove((reference.SyntaxTree, node.Span));
            }

            if (found is not null || !provisional)
            {
                cache[node.Span] = new Outcome(found);
            }

            provisional |= outer;
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private async ValueTask<Blocked?> WalkBodyAsync(ISymbol member, SyntaxNode node, Solution solution, CancellationToken cancellationToken)
    {
        if (solution.GetDocument(node.SyntaxTree) is not { } document
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            // Generated or unknown code cannot be read: it is not known to be harmless.
            return new Blocked(RefusalKind.NotAllowed, member.ToDisplayString(Display), "code the solution does not show");
        }

        var walked = node is VariableDeclaratorSyntax { Initializer: { } initializer } ? initializer : node;
        return await FirstBlockedAsync(ReferenceWalker.Walk(walked, model, cancellationToken), Nothing, solution, cancellationToken).ConfigureAwait(false) is { } blocked
            ? new Blocked(RefusalKind.NotAllowed, member.ToDisplayString(Display), blocked.Via ?? blocked.Symbol)
            : null;
    }

    /// <summary>The first of <paramref name="references"/> that code which referenced <paramref name="before"/> may not add, or null.</summary>
    public async ValueTask<Blocked?> FirstBlockedAsync(IEnumerable<Reference> references, IReadOnlySet<string> before, Solution solution, CancellationToken cancellationToken)
    {
        foreach (var reference in references)
        {
            var blocked = reference.Symbol is null
                ? new Blocked(reference.Kind, reference.Construct!)
                : await CheckAsync(reference.Symbol, before, solution, cancellationToken).ConfigureAwait(false);
            if (blocked is not null)
            {
                return blocked;
            }
        }

        return null;
    }

    private async ValueTask<Blocked?> FirstBlockedTypeAsync(IEnumerable<ITypeSymbol> types, IReadOnlySet<string> before, Solution solution, CancellationToken cancellationToken)
    {
        foreach (var type in types)
        {
            if (await CheckTypeAsync(type, before, solution, cancellationToken).ConfigureAwait(false) is { } blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    // Source code the solution's documents do not show (generators) counts too, and is refused when its body is asked for.
    private static bool IsInSolution(ISymbol symbol, Solution solution) =>
        symbol.OriginalDefinition.Locations.Any(location => location.IsInSource) && solution.ProjectIds.Count > 0;

    private static IEnumerable<ITypeSymbol> TypeArguments(ISymbol symbol)
    {
        if (symbol is IMethodSymbol method)
        {
            foreach (var argument in method.TypeArguments)
            {
                yield return argument;
            }
        }

        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var argument in type.IsTupleType ? type.TupleElements.Select(element => element.Type) : type.TypeArguments)
            {
                yield return argument;
            }
        }
    }

    private sealed record Outcome(Blocked? Blocked);
}
