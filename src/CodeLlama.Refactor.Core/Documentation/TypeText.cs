using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// A type as a reference, never as words split from its name: <c>&lt;see cref="IEnumerable{T}"/&gt;</c>,
/// <c>&lt;typeparamref name="T"/&gt;</c>, or, for what no cref names (tuples, pointers), the type as code.
/// </summary>
public static class TypeText
{
    // Per file and type, the cref that binds to it there (or null when none does): a cref is proven once, not per member.
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<(ISymbol Type, int Position), string?>> Crefs = new();

    /// <summary>The nodes that name <paramref name="type"/> in a comment at <paramref name="context"/>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="context">Where the comment is written; null writes the type as code.</param>
    /// <returns>Reference nodes, or text for an array.</returns>
    public static IReadOnlyList<XmlNodeSyntax> Nodes(ITypeSymbol type, DocContext? context) => type switch
    {
        ITypeParameterSymbol parameter => [XmlDoc.TypeParamRef(parameter.Name)],
        IArrayTypeSymbol array => [XmlDoc.Text("an array of "), .. Nodes(array.ElementType, context)],
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] } =>
            Nodes(underlying, context),
        INamedTypeSymbol { IsTupleType: false, IsAnonymousType: false, TypeKind: not TypeKind.Error } named
            when context is not null && CrefFor(named.OriginalDefinition, context) is { } cref => [XmlDoc.SeeCref(cref)],
        _ => [XmlDoc.Code(type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))],
    };

    /// <summary>
    /// Like <see cref="Nodes"/>, but a constructed generic type names its type arguments too: a conversion to
    /// <c>Result&lt;object&gt;</c> is to "Result{TValue} of object", never to the open type as if it were the same.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <param name="context">Where the comment is written.</param>
    /// <returns>Reference nodes.</returns>
    public static IReadOnlyList<XmlNodeSyntax> ClosedNodes(ITypeSymbol type, DocContext? context)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, IsTupleType: false } named
            || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            || named.TypeArguments.Cast<ITypeSymbol>().SequenceEqual(named.OriginalDefinition.TypeParameters, SymbolEqualityComparer.Default))
        {
            return Nodes(type, context);
        }

        var nodes = new List<XmlNodeSyntax>(Nodes(type, context)) { XmlDoc.Text(" of ") };
        for (var index = 0; index < named.TypeArguments.Length; index++)
        {
            if (index > 0)
            {
                nodes.Add(XmlDoc.Text(index == named.TypeArguments.Length - 1 ? " and " : ", "));
            }

            nodes.AddRange(ClosedNodes(named.TypeArguments[index], context));
        }

        return nodes;
    }

    /// <summary>Whether <paramref name="type"/> is, or derives from, the class <c>System.</c><paramref name="name"/>.</summary>
    /// <param name="type">A type, or null.</param>
    /// <param name="name">The name of a class in the System namespace, e.g. <c>Exception</c>.</param>
    /// <returns>True when it is or derives from it.</returns>
    public static bool IsSystemClassOrDerived(ITypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cref for <paramref name="symbol"/> that the compiler binds to it at <paramref name="context"/>, or null.</summary>
    /// <param name="symbol">A type or member.</param>
    /// <param name="context">Where the comment is written.</param>
    /// <returns>The minimal cref when it binds, else the qualified one when that does, else null.</returns>
    public static string? CrefFor(ISymbol symbol, DocContext context)
    {
        var cache = Crefs.GetValue(context.Model, _ => new ConcurrentDictionary<(ISymbol, int), string?>());
        return cache.GetOrAdd((symbol, context.Position), _ =>
        {
            var minimal = XmlDoc.Cref(symbol, context.Model, context.Position);
            if (Binds(minimal, symbol, context))
            {
                return minimal;
            }

            var qualified = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
                    .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters)
                    .WithMemberOptions(SymbolDisplayMemberOptions.None))
                .Replace('<', '{')
                .Replace('>', '}');
            return Binds(qualified, symbol, context) ? qualified : null;
        });
    }

    // The cref's first name must find the type (or the namespace it is in) and nothing else there: a member with the
    // same name would take the reference, or make it ambiguous.
    private static bool Binds(string cref, ISymbol symbol, DocContext context)
    {
        if (symbol is ITypeSymbol { SpecialType: not SpecialType.None } && SyntaxFacts.GetKeywordKind(cref) != SyntaxKind.None)
        {
            return true;
        }

        var end = cref.IndexOfAny(['.', '{']);
        var first = end < 0 ? cref : cref.Substring(0, end);
        var found = context.Model.LookupSymbols(context.Position, name: first);
        if (found.Length == 0 || found.Any(candidate => candidate is not (INamespaceOrTypeSymbol)))
        {
            return false;
        }

        return end >= 0 && cref[end] == '.'
            || found.Any(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, symbol.OriginalDefinition));
    }
}
