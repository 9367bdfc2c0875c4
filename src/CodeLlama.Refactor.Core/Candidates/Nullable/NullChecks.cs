using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Nullable;

/// <summary>
/// The null checks a project already writes, as statements to put before a use of a possibly-null value: a guard the
/// file calls, or <c>ArgumentNullException.ThrowIfNull</c> where the project calls it, for a parameter; an
/// <c>is null</c> early return where the method returns a nullable. A guard is a call whose first parameter carries
/// <c>[NotNull]</c> (the attribute that tells the compiler the value is not null afterwards: ThrowIfNull, and guard
/// libraries alike), written as the project writes it, with the checked name swapped.
/// </summary>
internal static class NullChecks
{
    private const string NotNullAttribute = "System.Diagnostics.CodeAnalysis.NotNullAttribute";

    /// <summary>The checks for <paramref name="checkedName"/>, a parameter or local, each a statement without indentation.</summary>
    public static async Task<IReadOnlyList<(string Statement, string Kind)>> ForAsync(
        Document document, SemanticModel model, IdentifierNameSyntax checkedName, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(checkedName, cancellationToken).Symbol;
        var checks = new List<(string, string)>();
        if (symbol is IParameterSymbol)
        {
            var guards = Guards(model, model.SyntaxTree.GetRoot(cancellationToken), cancellationToken).ToList();
            if (!guards.Any(guard => IsThrowIfNull(guard.Method)))
            {
                guards.AddRange(await ThrowIfNullInProjectAsync(document, cancellationToken).ConfigureAwait(false));
            }

            checks.AddRange(guards.DistinctBy(guard => guard.Method, SymbolEqualityComparer.Default)
                .Select(guard => (Rewrite(guard.Call, guard.Name, checkedName.Identifier.ValueText), guard.Method.ContainingType.Name + "." + guard.Method.Name)));
        }

        if (symbol is IParameterSymbol or ILocalSymbol && ReturnsNullable(checkedName, model, cancellationToken))
        {
            checks.Add(($"if ({checkedName.Identifier.ValueText} is null)\n{{\n    return null;\n}}", "early return"));
        }

        return checks;
    }

    private static IEnumerable<(ExpressionStatementSyntax Call, string Name, IMethodSymbol Method)> Guards(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
    {
        foreach (var statement in root.DescendantNodes().OfType<ExpressionStatementSyntax>())
        {
            if (statement.Expression is InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: IdentifierNameSyntax name }, ..] } call
                && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { IsStatic: true, Parameters: [var first, ..] } method
                && first.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == NotNullAttribute))
            {
                yield return (statement, name.Identifier.ValueText, method);
            }
        }
    }

    private static async Task<IEnumerable<(ExpressionStatementSyntax, string, IMethodSymbol)>> ThrowIfNullInProjectAsync(Document document, CancellationToken cancellationToken)
    {
        foreach (var other in document.Project.Documents.Where(other => other.Id != document.Id))
        {
            var text = await other.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (!text.ToString().Contains("ThrowIfNull(", StringComparison.Ordinal))
            {
                continue;
            }

            var model = (await other.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var found = Guards(model, await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? model.SyntaxTree.GetRoot(cancellationToken), cancellationToken)
                .FirstOrDefault(guard => IsThrowIfNull(guard.Method));
            if (found.Call is not null)
            {
                return [found];
            }
        }

        return [];
    }

    private static bool IsThrowIfNull(IMethodSymbol method) =>
        method is { Name: "ThrowIfNull", ContainingType.Name: "ArgumentNullException" };

    // The guard as written, every use of the name it checked (the value, `nameof(value)`) now the new name.
    private static string Rewrite(ExpressionStatementSyntax call, string oldName, string newName) =>
        call.ReplaceTokens(
                call.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == oldName),
                (token, _) => SyntaxFactory.Identifier(token.LeadingTrivia, newName, token.TrailingTrivia))
            .WithoutTrivia()
            .ToFullString();

    private static bool ReturnsNullable(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node.Ancestors().FirstOrDefault(ancestor => ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            is (MethodDeclarationSyntax or LocalFunctionStatementSyntax) and var function
        && model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol { IsAsync: false, IsIterator: false } method
        && (method.ReturnType.NullableAnnotation == NullableAnnotation.Annotated || method.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
}
