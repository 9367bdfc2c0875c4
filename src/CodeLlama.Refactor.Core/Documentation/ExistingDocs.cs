using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// What the project already says, reused: an undocumented overload takes its documented sibling's summary, returns
/// and same-named parameters; a parameter documented elsewhere in the project with the same name and type takes that
/// text. Only content that means the same in the new place is taken: a cref only from the same file, a paramref only
/// to a parameter the member has.
/// </summary>
internal static class ExistingDocs
{
    private static readonly System.Text.RegularExpressions.Regex Whitespace = new(@"\s+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private sealed record ParamDoc(XmlElementSyntax Element, SyntaxTree Tree);

    // Per compilation as loaded: each documented parameter by name and type as written; null where the project disagrees.
    private static readonly ConditionalWeakTable<Compilation, Dictionary<(string Name, string Type), ParamDoc?>> Parameters = new();

    public static IReadOnlyList<XmlNodeSyntax>? Reused(DocElement element)
    {
        if (element.Context is not { } context)
        {
            return null;
        }

        return element.Kind switch
        {
            DocElementKind.Summary or DocElementKind.Returns when element.Symbol is IMethodSymbol method => FromSibling(method, element.Kind, context),
            DocElementKind.Param => ParameterFromSibling(element.Symbol, element.Name!, context)
                ?? ParameterFromProperty(element.Symbol, element.Name!)
                ?? ParameterFromProject(element.Symbol, element.Name!, context),
            DocElementKind.Summary when element.Symbol is IPropertySymbol property => PropertyFromParameter(property, asSummary: true),
            DocElementKind.Value when element.Symbol is IPropertySymbol property => PropertyFromParameter(property, asSummary: false),
            _ => null,
        };
    }

    private static IReadOnlyList<XmlNodeSyntax>? FromSibling(IMethodSymbol method, DocElementKind kind, DocContext context)
    {
        var tag = kind == DocElementKind.Summary ? "summary" : "returns";
        foreach (var (sibling, comment) in DocumentedSiblings(method, context))
        {
            if (kind == DocElementKind.Returns && !SymbolEqualityComparer.Default.Equals(sibling.ReturnType, method.ReturnType))
            {
                continue;
            }

            if (Find(comment, tag, null) is { } found && Portable(found, method, sameTree: true) is { } content)
            {
                return content;
            }
        }

        return null;
    }

    private static IReadOnlyList<XmlNodeSyntax>? ParameterFromSibling(ISymbol symbol, string name, DocContext context)
    {
        if (symbol is not IMethodSymbol method || TypeOf(method.Parameters.FirstOrDefault(p => p.Name == name)) is not { } type)
        {
            return null;
        }

        foreach (var (sibling, comment) in DocumentedSiblings(method, context))
        {
            if (TypeOf(sibling.Parameters.FirstOrDefault(p => p.Name == name)) == type
                && Find(comment, "param", name) is { } found && Portable(found, symbol, sameTree: true) is { } content)
            {
                return content;
            }
        }

        return null;
    }

    // A constructor parameter stored in a documented property says what the property says: "Gets the title." -> "The title."
    private static IReadOnlyList<XmlNodeSyntax>? ParameterFromProperty(ISymbol symbol, string name)
    {
        if (symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || Assignments(constructor).FirstOrDefault(entry => entry.Parameter == name).Property is not { } property
            || property.DeclaringSyntaxReferences is not [var reference] || Comment(reference.GetSyntax()) is not { } comment
            || Find(comment, "summary", null) is not { } summary || Portable(summary, constructor, sameTree: reference.SyntaxTree == constructor.DeclaringSyntaxReferences[0].SyntaxTree) is not { } content
            || content[0] is not XmlTextSyntax first)
        {
            return null;
        }

        var text = string.Concat(first.TextTokens.Select(token => token.ValueText));
        foreach (var accessors in new[] { "Gets or sets ", "Gets " })
        {
            if (text.StartsWith(accessors, StringComparison.Ordinal) && !text.StartsWith(accessors + "a value indicating", StringComparison.Ordinal))
            {
                return [XmlDoc.Text(NameWords.Capitalize(text.Substring(accessors.Length))), .. content.Skip(1)];
            }
        }

        return null;
    }

    // A property that a documented constructor parameter is stored in: "The title." -> "Gets the title."
    private static IReadOnlyList<XmlNodeSyntax>? PropertyFromParameter(IPropertySymbol property, bool asSummary)
    {
        foreach (var constructor in property.ContainingType.InstanceConstructors)
        {
            if (Assignments(constructor).FirstOrDefault(entry => SymbolEqualityComparer.Default.Equals(entry.Property, property)).Parameter is not { } name
                || constructor.DeclaringSyntaxReferences is not [var reference] || Comment(reference.GetSyntax()) is not { } comment
                || Find(comment, "param", name) is not { } param
                || Portable(param, property, sameTree: reference.SyntaxTree == property.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree) is not { } content
                || content[0] is not XmlTextSyntax first)
            {
                continue;
            }

            var text = string.Concat(first.TextTokens.Select(token => token.ValueText));
            if (!text.StartsWith("The ", StringComparison.Ordinal) && !text.StartsWith("A ", StringComparison.Ordinal) && !text.StartsWith("An ", StringComparison.Ordinal))
            {
                continue;
            }

            if (!asSummary)
            {
                return content;
            }

            var accessors = property.SetMethod is { DeclaredAccessibility: Accessibility.Public } && !property.SetMethod.IsInitOnly ? "Gets or sets " : "Gets ";
            return [XmlDoc.Text(accessors + char.ToLowerInvariant(text[0]) + text.Substring(1)), .. content.Skip(1)];
        }

        return null;
    }

    // "Title = title;" and "Title = title ?? throw …;" in a constructor's body: which parameter feeds which property.
    private static IEnumerable<(string Parameter, IPropertySymbol Property)> Assignments(IMethodSymbol constructor)
    {
        if (constructor.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not ConstructorDeclarationSyntax declaration)
        {
            yield break;
        }

        var statements = declaration.Body?.Statements.OfType<ExpressionStatementSyntax>().Select(statement => statement.Expression)
            ?? (declaration.ExpressionBody is { } arrow ? [arrow.Expression] : []);
        foreach (var expression in statements)
        {
            if (expression is AssignmentExpressionSyntax { Left: var left, Right: var value }
                && (left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member ? member.Name : left) is IdentifierNameSyntax { Identifier.ValueText: var target }
                && (value is IdentifierNameSyntax ? value : value is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Left: IdentifierNameSyntax stored } ? stored : null) is IdentifierNameSyntax source
                && constructor.Parameters.Any(parameter => parameter.Name == source.Identifier.ValueText)
                && constructor.ContainingType.GetMembers(target).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                yield return (source.Identifier.ValueText, property);
            }
        }
    }

    private static IReadOnlyList<XmlNodeSyntax>? ParameterFromProject(ISymbol symbol, string name, DocContext context)
    {
        var parameter = ParameterText.Parameters(symbol).FirstOrDefault(p => p.Name == name);
        if (TypeOf(parameter) is not { } type)
        {
            return null;
        }

        var index = Parameters.GetValue(context.Model.Compilation, Index);
        return index.TryGetValue((name, type), out var found) && found is not null
            ? Portable(found.Element, symbol, sameTree: found.Tree == context.Model.SyntaxTree)
            : null;
    }

    // Overloads in the same file that carry a comment of their own (as loaded).
    private static IEnumerable<(IMethodSymbol Sibling, DocumentationCommentTriviaSyntax Comment)> DocumentedSiblings(IMethodSymbol method, DocContext context)
    {
        if (method.ContainingType is null || method.MethodKind != MethodKind.Ordinary)
        {
            yield break;
        }

        foreach (var sibling in method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>())
        {
            if (SymbolEqualityComparer.Default.Equals(sibling, method) || sibling.DeclaringSyntaxReferences is not [var reference]
                || reference.SyntaxTree != context.Model.SyntaxTree || Comment(reference.GetSyntax()) is not { } comment)
            {
                continue;
            }

            yield return (sibling, comment);
        }
    }

    private static Dictionary<(string Name, string Type), ParamDoc?> Index(Compilation compilation)
    {
        var index = new Dictionary<(string Name, string Type), ParamDoc?>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                var parameters = node switch
                {
                    BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                    IndexerDeclarationSyntax indexer => indexer.ParameterList.Parameters,
                    DelegateDeclarationSyntax @delegate => @delegate.ParameterList.Parameters,
                    TypeDeclarationSyntax { ParameterList: { } list } => list.Parameters,
                    _ => default,
                };
                if (parameters.Count == 0 || Comment(node) is not { } comment)
                {
                    continue;
                }

                foreach (var parameter in parameters)
                {
                    if (parameter.Type is null || Find(comment, "param", parameter.Identifier.ValueText) is not { } element)
                    {
                        continue;
                    }

                    var key = (parameter.Identifier.ValueText, parameter.Type.ToString());
                    if (!index.TryGetValue(key, out var existing))
                    {
                        index[key] = new ParamDoc(element, tree);
                    }
                    else if (existing is not null && PlainText(existing.Element) != PlainText(element))
                    {
                        index[key] = null;
                    }
                }
            }
        }

        return index;
    }

    private static string? TypeOf(IParameterSymbol? parameter) =>
        parameter?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax { Type: { } type } ? type.ToString() : null;

    private static DocumentationCommentTriviaSyntax? Comment(SyntaxNode node) =>
        node.GetLeadingTrivia().Select(trivia => trivia.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();

    private static XmlElementSyntax? Find(DocumentationCommentTriviaSyntax comment, string tag, string? name) =>
        comment.Content.OfType<XmlElementSyntax>().FirstOrDefault(element => element.StartTag.Name.LocalName.ValueText == tag
            && (name is null || element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().Any(attribute => attribute.Identifier.Identifier.ValueText == name)));

    private static string PlainText(XmlElementSyntax element) =>
        string.Join(" ", element.Content.ToString().Split([' ', '\r', '\n', '\t', '/'], StringSplitOptions.RemoveEmptyEntries));

    // The element's content rebuilt on one line, or null when it holds anything that might not mean the same here.
    private static IReadOnlyList<XmlNodeSyntax>? Portable(XmlElementSyntax element, ISymbol target, bool sameTree)
    {
        var names = ParameterText.Parameters(target).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var typeNames = (target is IMethodSymbol method ? method.TypeParameters : target is INamedTypeSymbol type ? type.TypeParameters : Enumerable.Empty<ITypeParameterSymbol>())
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var nodes = new List<XmlNodeSyntax>();
        var text = new StringBuilder();
        void Flush()
        {
            if (text.Length > 0)
            {
                nodes.Add(XmlDoc.Text(text.ToString()));
                text.Clear();
            }
        }

        foreach (var node in element.Content)
        {
            switch (node)
            {
                case XmlTextSyntax plain:
                    foreach (var token in plain.TextTokens)
                    {
                        text.Append(token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) ? " " : token.ValueText);
                    }

                    break;
                case XmlEmptyElementSyntax empty:
                    Flush();
                    var local = empty.Name.LocalName.ValueText;
                    var nameAttribute = empty.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
                    var langword = empty.Attributes.OfType<XmlTextAttributeSyntax>().FirstOrDefault(a => a.Name.LocalName.ValueText == "langword");
                    var cref = empty.Attributes.OfType<XmlCrefAttributeSyntax>().FirstOrDefault();
                    XmlNodeSyntax? rebuilt = local switch
                    {
                        "paramref" when nameAttribute is not null && names.Contains(nameAttribute) => XmlDoc.ParamRef(nameAttribute),
                        "typeparamref" when nameAttribute is not null && typeNames.Contains(nameAttribute) => XmlDoc.TypeParamRef(nameAttribute),
                        "see" when langword is not null => XmlDoc.SeeLangword(string.Concat(langword.TextTokens.Select(t => t.ValueText))),
                        "see" when cref is not null && sameTree => XmlDoc.SeeCref(cref.Cref.ToString()),
                        _ => null,
                    };
                    if (rebuilt is null)
                    {
                        return null;
                    }

                    nodes.Add(rebuilt);
                    break;
                case XmlElementSyntax { StartTag.Name.LocalName.ValueText: "c", Content: [XmlTextSyntax code] }:
                    Flush();
                    nodes.Add(XmlDoc.Code(string.Concat(code.TextTokens.Select(t => t.ValueText)).Trim()));
                    break;
                default:
                    return null;
            }
        }

        Flush();
        return Normalized(nodes);
    }

    // Whitespace folded, the ends trimmed; null when no word is left.
    private static IReadOnlyList<XmlNodeSyntax>? Normalized(List<XmlNodeSyntax> nodes)
    {
        var result = new List<XmlNodeSyntax>();
        for (var index = 0; index < nodes.Count; index++)
        {
            if (nodes[index] is not XmlTextSyntax text)
            {
                result.Add(nodes[index]);
                continue;
            }

            var value = string.Concat(text.TextTokens.Select(t => t.ValueText));
            value = Whitespace.Replace(value, " ");
            if (index == 0)
            {
                value = value.TrimStart();
            }

            if (index == nodes.Count - 1)
            {
                value = value.TrimEnd();
            }

            if (value.Length > 0)
            {
                result.Add(XmlDoc.Text(value));
            }
        }

        return result.OfType<XmlTextSyntax>().Any(text => text.TextTokens.Any(t => t.ValueText.Any(char.IsLetter))) ? result : null;
    }
}
