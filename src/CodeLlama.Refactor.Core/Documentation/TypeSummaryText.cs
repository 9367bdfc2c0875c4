using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The summary of a type, by what its name says it is: an exception, event data, an attribute, extensions, a delegate
/// that handles an event, or a plain noun ("Represents a guard clause.").
/// </summary>
internal static class TypeSummaryText
{
    public static IReadOnlyList<XmlNodeSyntax> For(INamedTypeSymbol type, DocContext? context)
    {
        var words = Split(type.Name).ToList();
        var phrase = string.Join(" ", words);
        var last = words.Count == 0 ? "" : words[words.Count - 1];
        var rest = string.Join(" ", words.Take(words.Count - 1));
        switch (type.TypeKind)
        {
            case TypeKind.Interface:
                var noun = type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? Phrase(type.Name.Substring(1)) : phrase;
                return [T($"Defines {Capability(noun) ?? WithArticle(noun)}.")];
            case TypeKind.Enum:
                return [T($"Specifies {WithArticle(phrase)}.")];
            case TypeKind.Delegate when last == "handler" && rest.Length > 0
                && type.DelegateInvokeMethod?.Parameters is [_, { Type: INamedTypeSymbol data }] && DerivesFrom(data, "EventArgs", orIs: true):
                return [T($"Represents the method that handles {WithArticle(rest.Replace("event", "").Trim())} event.")];
            case TypeKind.Delegate:
                return [T($"Represents {WithArticle(last == "delegate" && rest.Length > 0 ? rest : phrase)} method.")];
        }

        if (last == "exception" && rest.Length > 0 && DerivesFrom(type, "Exception"))
        {
            return [T($"Represents {WithArticle(rest)} error.")];
        }

        if (last == "args" && words.Count > 2 && words[words.Count - 2] == "event")
        {
            return [T($"Provides data for the {string.Join(" ", words.Take(words.Count - 2))} event.")];
        }

        // BadDataFoundArgs beside a delegate BadDataFound: what the delegate is passed, not "bad data found args".
        var suffix = last switch { "args" => "Args", "arguments" => "Arguments", _ => null };
        if (suffix is not null && words.Count > 1 && type.Name.EndsWith(suffix, StringComparison.Ordinal)
            && Delegate(type, type.Name.Substring(0, type.Name.Length - suffix.Length)) is { } handler)
        {
            return [T("Provides data for the "), .. TypeText.Nodes(handler, context), T(" delegate.")];
        }

        // OnRetryArguments: what the callback run on retry is passed.
        if (suffix is not null && words is ["on", var happening, .., _] && !IsFunctionWord(happening))
        {
            return [T($"Provides data for the {string.Join(" ", words.Skip(1).Take(words.Count - 2))} event.")];
        }

        if (last == "attribute" && rest.Length > 0 && DerivesFrom(type, "Attribute"))
        {
            return [T($"Represents the {rest} attribute.")];
        }

        if (type.IsStatic)
        {
            return last is "extensions" && rest.Length > 0 ? [T($"Provides extension methods for {rest}.")]
                : last is "helper" or "helpers" or "utilities" or "utils" or "util" && rest.Length > 0 ? [T($"Provides helper methods for {rest}.")]
                : [T($"Provides {phrase} methods.")];
        }

        return [T($"Represents {WithArticle(phrase)}.")];
    }

    // The delegate of that name beside the type: in its namespace, or in the type that contains it.
    private static INamedTypeSymbol? Delegate(INamedTypeSymbol type, string name)
    {
        // Spelled out rather than `?? []`: the analyzer package compiles this file against an ImmutableArray
        // without collection-expression support.
        IEnumerable<INamedTypeSymbol> beside = type.ContainingType is { } outer ? outer.GetTypeMembers(name)
            : type.ContainingNamespace is { } space ? space.GetTypeMembers(name)
            : Enumerable.Empty<INamedTypeSymbol>();
        return beside.FirstOrDefault(candidate => candidate.TypeKind == TypeKind.Delegate);
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string name, bool orIs = false)
    {
        for (var current = orIs ? type : type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace?.Name == "System")
            {
                return true;
            }
        }

        return false;
    }

    // IHasRandomizer, ICanParse, ILocaleAware name what an implementer has, can do or is: "Defines a has randomizer."
    // read the clause as a noun.
    // (Slices of the word list are taken with Skip/Take: the analyzer package compiles this file for netstandard2.0,
    // which has no RuntimeHelpers.GetSubArray for a slice pattern.)
    private static string? Capability(string noun)
    {
        var words = noun.Split(' ');
        if (words.Length < 2)
        {
            return null;
        }

        var rest = string.Join(" ", words.Skip(1));
        return words[0] switch
        {
            "has" or "supports" or "provides" or "contains" or "uses" => $"an object that {words[0]} {WithArticle(rest)}",
            "can" => $"an object that can {rest}",
            _ when words[^1] == "aware" => $"an object that is {string.Join(" ", words.Take(words.Length - 1))} aware",
            _ => null,
        };
    }

    private static XmlTextSyntax T(string text) => XmlDoc.Text(text);
}
