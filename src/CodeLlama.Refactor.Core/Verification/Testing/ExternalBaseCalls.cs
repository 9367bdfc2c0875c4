using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Whether a call through a member the solution does not declare (<c>object.ToString</c>, <c>IComparable.CompareTo</c>)
/// provably reaches one type's override of it. Such a member is called on everything: <c>value.ToString()</c> on an
/// <c>object</c> or a type parameter may reach any override in the world, so it counts only when the receiver's static
/// type is the overriding type, one derived from it, or a base or interface of it that the solution declares (a
/// <c>Result</c> called through its own <c>IResult</c>).
/// </summary>
internal static class ExternalBaseCalls
{
    /// <summary>Whether the reference at <paramref name="location"/> calls the override in <paramref name="overriding"/>.</summary>
    /// <param name="model">The semantic model of the reference's document.</param>
    /// <param name="location">Where the external member is named.</param>
    /// <param name="overriding">The type whose override changed.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>True when the receiver's static type ties the call to <paramref name="overriding"/>.</returns>
    public static bool Reach(SemanticModel model, Location location, INamedTypeSymbol overriding, CancellationToken cancellationToken)
    {
        var name = model.SyntaxTree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var receiver = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => model.GetTypeInfo(access.Expression, cancellationToken).Type,
            MemberBindingExpressionSyntax { Parent.Parent: ConditionalAccessExpressionSyntax conditional } => model.GetTypeInfo(conditional.Expression, cancellationToken).Type,
            // A plain ToString() inside a type calls its own.
            _ => model.GetEnclosingSymbol(location.SourceSpan.Start, cancellationToken)?.ContainingType,
        };
        return receiver is INamedTypeSymbol named && Related(named.OriginalDefinition, overriding.OriginalDefinition);
    }

    private static bool Related(INamedTypeSymbol receiver, INamedTypeSymbol overriding)
    {
        for (var type = receiver; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, overriding))
            {
                return true;
            }
        }

        var declaredHere = receiver.Locations.Any(location => location.IsInSource);
        return declaredHere && (overriding.AllInterfaces.Any(type => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, receiver))
            || Bases(overriding).Any(type => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, receiver)));
    }

    private static IEnumerable<INamedTypeSymbol> Bases(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
