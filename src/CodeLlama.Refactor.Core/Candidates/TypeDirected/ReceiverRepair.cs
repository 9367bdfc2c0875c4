using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS0103 on a name used as a receiver (<c>match.Value</c> where <c>match</c> was renamed or its declaration lost): the
/// shape says what fits, a value whose type has that member. Every in-scope value whose type has a member of that
/// name is offered, the one computed nearest before in the same method first (<see cref="ScopeValues.FlowScore"/>),
/// then the one named most like the name written.
/// </summary>
internal sealed class ReceiverRepair : ITypeDirectedRepair
{
    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS0103"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        if (site.Node is not IdentifierNameSyntax name || name.Parent is not MemberAccessExpressionSyntax access || access.Expression != name)
        {
            return [];
        }

        var written = name.Identifier.ValueText;
        var member = access.Name.Identifier.ValueText;
        var position = name.SpanStart;
        var inScope = ScopeValues.InScope(site.Model, position);
        return inScope
            .Where(value => value.Name != written && HasMember(value.Type, member))
            .Select(value => (value.Name, Score: ScopeValues.FlowScore(value, position, inScope) + NameSimilarity.Score(value.Name, written)))
            .DistinctBy(value => value.Name)
            .OrderByDescending(value => value.Score)
            .ThenBy(value => value.Name, StringComparer.Ordinal)
            .Take(TypeDirectedSource.MaxCandidates)
            .Select((value, rank) => site.Edit($"Use '{value.Name}', which has '{member}', for '{written}'", rank, new TextChange(name.Identifier.Span, value.Name)));
    }

    // Members of the type, its base types and, for an interface or type parameter, what it inherits or is constrained to.
    private static bool HasMember(ITypeSymbol type, string member)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(member).Any(symbol => !symbol.IsStatic && symbol.CanBeReferencedByName))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(face => face.GetMembers(member).Any())
            || (type is ITypeParameterSymbol parameter && parameter.ConstraintTypes.Any(constraint => HasMember(constraint, member)));
    }
}
