using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS0103 (unknown name), CS1061 (unknown instance member) and CS0117 (unknown static member), beyond the few edits
/// the IDE's spell-check covers: an in-scope value, or a member of the receiver's type, whose name shares words with
/// the one written (<c>total</c> for <c>orderTotal</c>, <c>Count</c> for <c>Length</c>) and whose type fits where the
/// code asks for one. Names a spelling fix would reach are left to spell-check.
/// </summary>
internal sealed class RelatedNameRepair : ITypeDirectedRepair
{
    private const double MinimumSimilarity = 0.3;

    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS0103", "CS1061", "CS0117"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        var name = site.Node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault(simple => simple.Span.Contains(site.Diagnostic.Location.SourceSpan.Start))
            ?? site.Node.AncestorsAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault();
        if (name is null)
        {
            return [];
        }

        var written = name.Identifier.ValueText;
        var use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
        var invoked = use.Parent is InvocationExpressionSyntax invocation && invocation.Expression == use;
        var expected = ExpectedType.Of(site.Model, invoked ? (ExpressionSyntax)use.Parent! : use, cancellationToken);
        var symbols = use is MemberAccessExpressionSyntax member ? Members(site.Model, member, cancellationToken) : InScope(site.Model, name.SpanStart, invoked);
        return symbols
            .Where(symbol => symbol.Name != written && !NameSimilarity.IsSpellingDistance(written, symbol.Name))
            .Where(symbol => invoked == symbol is IMethodSymbol)
            .Where(symbol => expected is null || ValueType(symbol) is { } type && LosslessConversion.Exists(site.Model.Compilation, type, expected))
            .Select(symbol => (symbol.Name, Score: NameSimilarity.Score(written, symbol.Name)))
            .Where(entry => entry.Score >= MinimumSimilarity)
            .DistinctBy(entry => entry.Name)
            .OrderByDescending(entry => entry.Score)
            .ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Take(TypeDirectedSource.MaxCandidates)
            .Select((entry, rank) => site.Edit($"Use '{entry.Name}' for '{written}'", rank, new TextChange(name.Identifier.Span, entry.Name)));
    }

    private static IEnumerable<ISymbol> InScope(SemanticModel model, int position, bool invoked) =>
        invoked
            ? model.LookupSymbols(position).OfType<IMethodSymbol>().Where(method => method.MethodKind == MethodKind.Ordinary)
            : ScopeValues.InScope(model, position).Select(value => value.Symbol);

    // The members reachable through the receiver: instance ones on a value, static ones on a type.
    private static IEnumerable<ISymbol> Members(SemanticModel model, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        var receiver = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
        var onType = receiver is ITypeSymbol;
        var type = onType ? (ITypeSymbol)receiver! : model.GetTypeInfo(access.Expression, cancellationToken).Type;
        if (type is null or { TypeKind: TypeKind.Error })
        {
            return [];
        }

        return model.LookupSymbols(access.Name.SpanStart, type, includeReducedExtensionMethods: !onType)
            .Where(symbol => symbol is IFieldSymbol or IPropertySymbol { IsIndexer: false } or IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ReducedExtension })
            .Where(symbol => symbol.IsStatic == onType || symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension } || symbol is IFieldSymbol { IsConst: true } && onType);
    }

    private static ITypeSymbol? ValueType(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IMethodSymbol method => method.ReturnsVoid ? null : method.ReturnType,
        _ => null,
    };
}
