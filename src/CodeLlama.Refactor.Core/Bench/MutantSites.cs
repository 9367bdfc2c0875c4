using CodeLlama.Refactor.Documentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Bench;

/// <summary>One place a mutant of a kind can be made: the edit that breaks the code and what it does, in words.</summary>
/// <param name="Change">The edit of the document's text.</param>
/// <param name="Description">What it does, e.g. <c>';' after 'total'</c>.</param>
public sealed record MutantSite(TextChange Change, string Description);

/// <summary>
/// Finds the places in one document where a mutant of each kind can be made, in position order. Each edit is the one a
/// person makes by mistake (a dropped letter, a deleted line, a rename left half done), never an invented construct.
/// </summary>
public static class MutantSites
{
    /// <summary>The sites of <paramref name="kind"/> in a document.</summary>
    /// <param name="kind">The kind of mutant.</param>
    /// <param name="root">The document's syntax root.</param>
    /// <param name="model">Its semantic model.</param>
    /// <returns>The sites, in position order.</returns>
    public static IEnumerable<MutantSite> Find(MutantKind kind, SyntaxNode root, SemanticModel model) => kind switch
    {
        MutantKind.Syntax => DeletedSemicolons(root),
        MutantKind.MisspelledName => Misspellings(root, model),
        MutantKind.MissingUsing => DeletedUsings(root),
        MutantKind.MissingArgument => DeletedArguments(root, model),
        MutantKind.SwappedArguments => SwappedArguments(root, model),
        MutantKind.TypeMismatch => WrongDeclaredTypes(root, model),
        MutantKind.DeletedReturn => DeletedReturns(root),
        MutantKind.UnassignedLocal => DeletedInitializers(root),
        MutantKind.HalfDoneRename => HalfDoneRenames(root),
        MutantKind.SignatureChange => AddedParameters(root),
        MutantKind.MissingAwait => DeletedAwaits(root),
        MutantKind.Nullable => NullableLocals(root, model),
        _ => [],
    };

    private static IEnumerable<MutantSite> DeletedSemicolons(SyntaxNode root) =>
        root.DescendantNodes().OfType<StatementSyntax>()
            .Select(statement => statement.GetLastToken())
            .Where(token => token.IsKind(SyntaxKind.SemicolonToken) && token.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            .Select(token => new MutantSite(new TextChange(token.Span, ""), $"';' after '{token.GetPreviousToken()}' deleted"));

    private static IEnumerable<MutantSite> Misspellings(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(name => name.Identifier.ValueText.Length >= 5
                && model.GetSymbolInfo(name).Symbol is ILocalSymbol or IParameterSymbol or IPropertySymbol or IFieldSymbol)
            .Select(name => new MutantSite(
                new TextChange(new TextSpan(name.Identifier.Span.End - 2, 1), ""),
                $"'{name}' written '{name.Identifier.ValueText.Remove(name.Identifier.ValueText.Length - 2, 1)}'"));

    private static IEnumerable<MutantSite> DeletedUsings(SyntaxNode root) =>
        root.DescendantNodes().OfType<UsingDirectiveSyntax>()
            .Where(directive => directive.GlobalKeyword.IsKind(SyntaxKind.None) && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Alias is null)
            .Select(directive => new MutantSite(new TextChange(directive.FullSpan, ""), $"'{directive.ToString().Trim()}' deleted"));

    // The last argument that fills a required parameter: a deleted optional one is no error.
    private static IEnumerable<MutantSite> DeletedArguments(SyntaxNode root, SemanticModel model)
    {
        foreach (var call in root.DescendantNodes().Where(node => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
        {
            var arguments = call switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
                BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
                _ => default,
            };
            if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method || arguments.Count == 0 || arguments.Any(argument => argument.NameColon is not null))
            {
                continue;
            }

            var index = Enumerable.Range(0, Math.Min(arguments.Count, method.Parameters.Length))
                .LastOrDefault(i => method.Parameters[i] is { IsOptional: false, IsParams: false }, -1);
            if (index < 0)
            {
                continue;
            }

            var span = index > 0 ? TextSpan.FromBounds(arguments[index - 1].Span.End, arguments[index].Span.End)
                : arguments.Count > 1 ? TextSpan.FromBounds(arguments[0].SpanStart, arguments[1].SpanStart)
                : arguments[0].Span;
            yield return new MutantSite(new TextChange(span, ""), $"argument '{arguments[index]}' of '{method.Name}' deleted");
        }
    }

    private static IEnumerable<MutantSite> SwappedArguments(SyntaxNode root, SemanticModel model)
    {
        foreach (var list in root.DescendantNodes().OfType<ArgumentListSyntax>())
        {
            var arguments = list.Arguments;
            for (var i = 0; i + 1 < arguments.Count; i++)
            {
                var (left, right) = (arguments[i], arguments[i + 1]);
                if (left.NameColon is null && right.NameColon is null
                    && model.GetTypeInfo(left.Expression).Type is { } leftType && model.GetTypeInfo(right.Expression).Type is { } rightType
                    && !SymbolEqualityComparer.Default.Equals(leftType, rightType))
                {
                    yield return new MutantSite(new TextChange(TextSpan.FromBounds(left.SpanStart, right.Span.End), $"{right}, {left}"), $"'{left}' and '{right}' swapped");
                    break;
                }
            }
        }
    }

    private static IEnumerable<MutantSite> WrongDeclaredTypes(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(statement => statement.Declaration.Variables is [{ Initializer: not null }] && !statement.IsConst)
            .Select(statement => (statement.Declaration.Type, Value: model.GetTypeInfo(statement.Declaration.Variables[0].Initializer!.Value).Type))
            .Where(entry => entry.Value is { SpecialType: not SpecialType.None } or { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Array })
            .Select(entry => (entry.Type, Written: entry.Value!.SpecialType == SpecialType.System_String ? "int" : "string"))
            .Select(entry => new MutantSite(new TextChange(entry.Type.Span, entry.Written), $"'{entry.Type}' declared as {entry.Written}"));

    private static IEnumerable<MutantSite> DeletedReturns(SyntaxNode root) =>
        root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
            .Where(method => method.Body is { Statements: [.., ReturnStatementSyntax { Expression: not null }] })
            .Select(method => method.Body!.Statements[^1])
            .Select(statement => new MutantSite(new TextChange(statement.FullSpan, ""), $"'{statement}' deleted"));

    private static IEnumerable<MutantSite> DeletedInitializers(SyntaxNode root) =>
        root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(statement => statement.Declaration.Variables is [{ Initializer: not null }] && !statement.Declaration.Type.IsVar && !statement.IsConst)
            .Select(statement => statement.Declaration.Variables[0])
            .Select(variable => new MutantSite(
                new TextChange(TextSpan.FromBounds(variable.Identifier.Span.End, variable.Initializer!.Span.End), ""),
                $"initializer of '{variable.Identifier}' deleted"));

    // The declaration gets the new name, the uses keep the old one: a rename done by hand and left half done.
    private static IEnumerable<MutantSite> HalfDoneRenames(SyntaxNode root) =>
        root.DescendantNodes()
            .Select(node => node switch
            {
                MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method when !method.Modifiers.Any(SyntaxKind.OverrideKeyword) => method.Identifier,
                PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property when !property.Modifiers.Any(SyntaxKind.OverrideKeyword) => property.Identifier,
                _ => default,
            })
            .Where(identifier => identifier.ValueText.Length > 0)
            .Select(identifier => (identifier, renamed: Renamed(identifier.ValueText)))
            .Select(entry => new MutantSite(new TextChange(entry.identifier.Span, entry.renamed), $"'{entry.identifier}' renamed '{entry.renamed}' at its declaration only"));

    // A required parameter added at the end of a method's parameters; its callers still pass the old ones.
    private static IEnumerable<MutantSite> AddedParameters(SyntaxNode root) =>
        root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(method => method.ExplicitInterfaceSpecifier is null && !method.Modifiers.Any(SyntaxKind.OverrideKeyword)
                && method.ParameterList.Parameters.All(parameter => parameter.Default is null && !parameter.Modifiers.Any(SyntaxKind.ParamsKeyword)))
            .Select(method => (method, name: FreshParameterName(method)))
            .Select(entry => new MutantSite(
                new TextChange(new TextSpan(entry.method.ParameterList.CloseParenToken.SpanStart, 0), (entry.method.ParameterList.Parameters.Count > 0 ? ", " : "") + $"int {entry.name}"),
                $"parameter 'int {entry.name}' added to '{entry.method.Identifier}'"));

    private static IEnumerable<MutantSite> DeletedAwaits(SyntaxNode root) =>
        root.DescendantNodes().OfType<AwaitExpressionSyntax>()
            .Select(expression => new MutantSite(
                new TextChange(TextSpan.FromBounds(expression.AwaitKeyword.SpanStart, expression.Expression.SpanStart), ""),
                $"'await' before '{Shorten(expression.Expression.ToString())}' deleted"));

    private static IEnumerable<MutantSite> NullableLocals(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(statement => !statement.IsConst && statement.Declaration.Type is PredefinedTypeSyntax or IdentifierNameSyntax { IsVar: false })
            .Where(statement => model.GetTypeInfo(statement.Declaration.Type).Type is { IsValueType: true, OriginalDefinition.SpecialType: not SpecialType.System_Nullable_T })
            .Select(statement => statement.Declaration.Type)
            .Select(type => new MutantSite(new TextChange(new TextSpan(type.Span.End, 0), "?"), $"'{type}' made '{type}?'"));

    // Two words in the other order, else a verb in front: the names a rename typically gives.
    private static string Renamed(string name)
    {
        var words = NameWords.Split(name);
        return words.Count == 2 ? NameWords.Capitalize(words[1]) + NameWords.Capitalize(words[0])
            : name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3 ? "Find" + name[3..]
            : "Get" + NameWords.Capitalize(name);
    }

    private static string FreshParameterName(MethodDeclarationSyntax method)
    {
        var taken = method.ParameterList.Parameters.Select(parameter => parameter.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return new[] { "count", "limit", "offset", "extra" }.FirstOrDefault(name => !taken.Contains(name)) ?? "added";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
