using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS0165 (use of an unassigned local): initialise the local where it is declared, with what the code assigns it on
/// the paths that do (in their order), then an in-scope value of its type, then <c>default</c>.
/// </summary>
internal sealed class UnassignedLocalRepair : ITypeDirectedRepair
{
    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS0165"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        if (site.Model.GetSymbolInfo(site.Node, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: null, ArgumentList: null } declarator
            || declarator.SyntaxTree != site.Root.SyntaxTree)
        {
            return [];
        }

        var scope = declarator.Ancestors().FirstOrDefault(node => node is BlockSyntax or SwitchSectionSyntax) ?? declarator.Parent!;
        var assigned = scope.DescendantNodes()
            .OfType<AssignmentExpressionSyntax>()
            .Where(assignment => assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression)
                && SymbolEqualityComparer.Default.Equals(site.Model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, local)
                && !assignment.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == local.Name))
            .Select(assignment => assignment.Right.ToString())
            .Concat(ScopeValues.AssignableTo(site.Model, declarator.SpanStart, local.Type, local.Name).Take(3).Select(value => value.Name))
            .Distinct(StringComparer.Ordinal)
            .Take(TypeDirectedSource.MaxCandidates - 1)
            .Append("default");
        var at = new TextSpan(declarator.Identifier.Span.End, 0);
        return assigned.Select((value, rank) => site.Edit($"Initialise '{local.Name}' with '{value}'", rank, new TextChange(at, $" = {value}")));
    }
}
