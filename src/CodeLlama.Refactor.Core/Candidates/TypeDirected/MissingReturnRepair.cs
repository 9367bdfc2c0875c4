using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS0161 (not all code paths return a value): <c>return</c> an in-scope value of the return type at the end of the
/// body: the local assigned last first, then values named like the method, then the rest; <c>default</c> last.
/// </summary>
internal sealed class MissingReturnRepair : ITypeDirectedRepair
{
    private static readonly string[] VerbPrefixes = ["Get", "Compute", "Calculate", "Find", "Make", "Build", "Create", "Try", "To"];

    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS0161"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        var member = site.Node.AncestorsAndSelf().FirstOrDefault(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
        var body = member switch
        {
            BaseMethodDeclarationSyntax declaration => declaration.Body,
            LocalFunctionStatementSyntax function => function.Body,
            AccessorDeclarationSyntax accessor => accessor.Body,
            _ => null,
        };
        if (body is null || site.Model.GetDeclaredSymbol(member!, cancellationToken) is not IMethodSymbol method
            || ReturnedType(site.Model.Compilation, method) is not { } returned)
        {
            return [];
        }

        // Lookup at the closing brace itself is outside the block's scope: its locals are seen from the last statement's end.
        var position = body.Statements.Count > 0 ? body.Statements[^1].Span.End : body.CloseBraceToken.SpanStart;
        var lastAssigned = LastAssignments(site.Model, body, cancellationToken);
        var subject = Subject(member is AccessorDeclarationSyntax ? method.AssociatedSymbol?.Name ?? method.Name : method.Name);
        var values = ScopeValues.AssignableTo(site.Model, position, returned, subject)
            .Where(value => value.Symbol is not IParameterSymbol { RefKind: RefKind.Out })
            .OrderByDescending(value => lastAssigned.GetValueOrDefault(value.Symbol, -1))
            .ThenByDescending(value => NameSimilarity.Score(value.Name, subject))
            .Select(value => value.Name)
            .Take(TypeDirectedSource.MaxCandidates - 1)
            .Append("default");
        return values.Select((value, rank) =>
            site.Edit($"Return '{value}' at the end of '{method.Name}'", rank, BodyText.AppendStatement(site.Text, body, $"return {value};")));
    }

    // What a return statement gives back: the method's type, or the task's result in an async method.
    private static ITypeSymbol? ReturnedType(Compilation compilation, IMethodSymbol method)
    {
        if (!method.IsAsync)
        {
            return method.ReturnsVoid ? null : method.ReturnType;
        }

        return method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments: [var result] } ? result : null;
    }

    // Each local's last assignment in the body, by position: the value a body computes is usually the one it set last.
    private static Dictionary<ISymbol, int> LastAssignments(SemanticModel model, BlockSyntax body, CancellationToken cancellationToken)
    {
        var last = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        foreach (var node in body.DescendantNodes())
        {
            var assigned = node switch
            {
                VariableDeclaratorSyntax { Initializer: not null } declarator => model.GetDeclaredSymbol(declarator, cancellationToken),
                AssignmentExpressionSyntax assignment => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix
                    => model.GetSymbolInfo(postfix.Operand, cancellationToken).Symbol,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix
                    => model.GetSymbolInfo(prefix.Operand, cancellationToken).Symbol,
                _ => null,
            };
            if (assigned is ILocalSymbol)
            {
                last[assigned] = node.SpanStart;
            }
        }

        return last;
    }

    // "GetTotal" is about a total.
    private static string Subject(string name)
    {
        var prefix = VerbPrefixes.FirstOrDefault(verb => name.Length > verb.Length && name.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(name[verb.Length]));
        return prefix is null ? name : name[prefix.Length..];
    }
}
