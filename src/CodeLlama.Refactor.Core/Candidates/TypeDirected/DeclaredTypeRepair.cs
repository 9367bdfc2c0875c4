using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS0029 and CS0266 (a value of the wrong type): on a declaration, the declared type changed to the value's type, or
/// to <c>var</c>; anywhere, the conversions the libraries offer without loss (a sequence to the list or array it is
/// expected as, a task to the value it completes with, awaited). Never a cast: CS0266's cast is the lossy one.
/// </summary>
internal sealed class DeclaredTypeRepair : ITypeDirectedRepair
{
    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS0029", "CS0266"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        if (site.Node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault() is not { } expression
            || site.Model.GetTypeInfo(expression, cancellationToken) is not { Type: { TypeKind: not TypeKind.Error } type, ConvertedType: { } expected })
        {
            return [];
        }

        var proposals = new List<Func<int, Candidate>>();
        var typeName = site.TypeName(type, expression.SpanStart);
        if (DeclaredType(expression) is { } declared && !type.IsAnonymousType)
        {
            proposals.Add(rank => site.Replace(declared, typeName, $"Change the declared type '{declared}' to '{typeName}'", rank));
            if (declared.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { IsConst: false } } && !declared.IsVar)
            {
                // The file's own habit decides which of the two comes first.
                proposals.Insert(
                    MostlyVar(site.Root, declared) ? 0 : 1,
                    rank => site.Replace(declared, "var", $"Change the declared type '{declared}' to 'var'", rank));
            }
        }

        foreach (var conversion in Conversions(site.Model, expression, type, expected))
        {
            proposals.Add(rank => site.Replace(expression, conversion, $"Convert '{expression}' to '{site.TypeName(expected, expression.SpanStart)}' as '{conversion}'", rank));
        }

        return proposals.Select((make, rank) => make(rank));
    }

    // Whether the file's other local declarations mostly say 'var'.
    private static bool MostlyVar(SyntaxNode root, TypeSyntax declared)
    {
        var locals = root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(local => !local.IsConst && local.Declaration.Type != declared)
            .ToList();
        return locals.Count(local => local.Declaration.Type.IsVar) * 2 > locals.Count;
    }

    // The type written on the declaration whose initializer (or the property's) is the expression.
    private static TypeSyntax? DeclaredType(ExpressionSyntax expression) => expression.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    /// <summary>The conversions without loss of <paramref name="expression"/>, of <paramref name="type"/>, to <paramref name="expected"/>, as the text that replaces it.</summary>
    public static IEnumerable<string> Conversions(SemanticModel model, ExpressionSyntax expression, ITypeSymbol type, ITypeSymbol expected)
    {
        var compilation = model.Compilation;
        var operand = expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? expression.ToString()
            : $"({expression})";
        if (Completes(compilation, type) is { } result && LosslessConversion.Exists(compilation, result, expected) && InAsyncCode(model, expression))
        {
            yield return $"await {operand}";
        }

        if (ElementOf(compilation, type) is not { } element)
        {
            yield break;
        }

        var conversions = new (string Method, ITypeSymbol? Target)[]
        {
            ("ToList", compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")?.Construct(element)),
            ("ToArray", compilation.CreateArrayTypeSymbol(element)),
            ("ToHashSet", compilation.GetTypeByMetadataName("System.Collections.Generic.HashSet`1")?.Construct(element)),
        };
        foreach (var (method, target) in conversions)
        {
            if (target is not null && LosslessConversion.Exists(compilation, target, expected) && !LosslessConversion.Exists(compilation, type, target))
            {
                yield return $"{operand}.{method}()";
            }
        }
    }

    private static ITypeSymbol? Completes(Compilation compilation, ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments: [var result] } named
        && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1"))
            || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1")))
            ? result
            : null;

    private static ITypeSymbol? ElementOf(Compilation compilation, ITypeSymbol type)
    {
        var enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        return type.SpecialType == SpecialType.System_String ? null
            : (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, enumerable) ? named : null)
                ?.TypeArguments[0]
            ?? type.AllInterfaces.FirstOrDefault(face => SymbolEqualityComparer.Default.Equals(face.OriginalDefinition, enumerable))?.TypeArguments[0];
    }

    private static bool InAsyncCode(SemanticModel model, ExpressionSyntax expression) =>
        model.GetEnclosingSymbol(expression.SpanStart) is IMethodSymbol { IsAsync: true }
        && !expression.Ancestors().Any(node => node is QueryExpressionSyntax or LockStatementSyntax);
}
