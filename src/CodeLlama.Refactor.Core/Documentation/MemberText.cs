using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The summary and <c>&lt;value&gt;</c> of properties, events and fields, in .NET's conventions ("Gets or sets…",
/// "Gets a value indicating whether…", "Occurs when…"); a name that reads as no noun gets the property's type instead.
/// </summary>
internal static class MemberText
{
    // First words after which a Boolean's name reads as a clause about its owner: "this instance has items".
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "is", "has", "can", "should", "was", "were", "will", "did", "does", "must", "are", "had", "could", "would", "contains",
        "supports", "allows", "uses", "needs", "requires", "includes", "accepts", "wants", "shows", "keeps", "ignores", "throws",
        "enables", "disables", "skips", "preserves", "treats", "applies", "emits", "tracks", "caches", "validates", "logs",
    };

    // Single words that read as a state: "this instance is empty".
    private static readonly HashSet<string> StateWords = new(StringComparer.Ordinal)
    {
        "empty", "valid", "invalid", "open", "ready", "busy", "dirty", "active", "idle", "null", "default", "readonly",
        "visible", "hidden", "complete", "done", "alive", "live", "online", "offline", "pending", "stale", "secure", "new",
    };

    public static IReadOnlyList<XmlNodeSyntax> PropertySummary(IPropertySymbol property, DocContext? context)
    {
        var accessors = Accessors(property);
        if (property.IsIndexer)
        {
            return [T($"{accessors} the element at the specified {string.Join(" and ", property.Parameters.Select(p => Phrase(p.Name)))}.")];
        }

        if (property.Type.SpecialType == SpecialType.System_Boolean)
        {
            return BooleanClause(property, context) is { } clause
                ? [T($"{accessors} a value indicating whether "), .. clause, T(".")]
                : [T($"{accessors} the {Phrase(property.Name)} flag.")];
        }

        var words = Split(property.Name);
        if (Hook(property, words) is { } hook)
        {
            return [T($"{accessors} the {hook}.")];
        }

        return words.Count == 0 || IsFunctionWord(words[0]) || IsVerbPhrase(property, words)
            ? [T($"{accessors} the "), .. TypeText.Nodes(property.Type, context), T(" instance.")]
            : [T($"{accessors} the {Noun(property.Name, property.Type)}.")];
    }

    // OnRetry, OnFaultInjected of a delegate type: the delegate to run on that event ("the Func{T, TResult} instance"
    // named only the type). Null for any other name or type.
    private static string? Hook(IPropertySymbol property, IReadOnlyList<string> words) =>
        property.Type.TypeKind == TypeKind.Delegate && words is ["on", var first, ..] && !IsFunctionWord(first)
            ? $"delegate to run on {string.Join(" ", words.Skip(1))}"
            : null;

    // A char named Quote or Escape is the character that quotes or escapes: "the quote" alone reads as a quotation.
    private static string Noun(string name, ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Char && Split(name) is [.., var last] && last is not ("char" or "character")
            ? $"{Phrase(name)} character"
            : Phrase(name);

    // ReadFrom, WriteTo, Enrich returning a configuration object: a verb phrase names what the returned object does, so
    // "the read from" says nothing; the type it returns is what is known.
    private static bool IsVerbPhrase(IPropertySymbol property, IReadOnlyList<string> words) =>
        VerbLexicon.IsVerb(words[0])
        && (words.Count > 1 && IsFunctionWord(words[1])
            || words.Count == 1 && Split(property.Type.Name) is [.., var kind] && kind is "configuration" or "builder" or "configurator" or "options" or "settings");

    public static IReadOnlyList<XmlNodeSyntax> PropertyValue(IPropertySymbol property, DocContext? context)
    {
        if (property.Type.SpecialType == SpecialType.System_Boolean)
        {
            return BooleanClause(property, context) is { } clause
                ? [XmlDoc.SeeLangword("true"), T(" if "), .. clause, T("; otherwise, "), XmlDoc.SeeLangword("false"), T(".")]
                : [T($"The {Phrase(property.Name)} flag.")];
        }

        if (property.IsIndexer)
        {
            return [T("The element at the specified "), T(string.Join(" and ", property.Parameters.Select(p => Phrase(p.Name)))), T(".")];
        }

        var words = Split(property.Name);
        if (Hook(property, words) is { } hook)
        {
            return [T($"The {hook}.")];
        }

        return words.Count == 0 || IsFunctionWord(words[0]) || IsVerbPhrase(property, words)
            ? [T("The "), .. TypeText.Nodes(property.Type, context), T(" instance.")]
            : [T($"The {Noun(property.Name, property.Type)}.")];
    }

    public static IReadOnlyList<XmlNodeSyntax> Event(IEventSymbol @event)
    {
        var words = Split(@event.Name);
        var last = words.Count == 0 ? "" : words[words.Count - 1];
        return last.EndsWith("ed", StringComparison.Ordinal) || last.EndsWith("ing", StringComparison.Ordinal)
            || last is "done" or "lost" or "sent" or "begun" or "thrown" or "shown" or "hidden" or "found" or "made" or "set" or "read" or "written"
            ? [T($"Occurs when {Phrase(@event.Name)}.")]
            : [T($"Occurs on {Phrase(@event.Name)}.")];
    }

    public static IReadOnlyList<XmlNodeSyntax> Field(IFieldSymbol field, DocContext? context) => field switch
    {
        { ContainingType.TypeKind: TypeKind.Enum } => Combined(field, context) ?? [T($"The {Phrase(field.Name)} value.")],
        { IsConst: true } => [T($"The {Phrase(field.Name)} constant.")],
        // A flag field reads as the flag property does: "The is chain discarded." says nothing.
        { Type.SpecialType: SpecialType.System_Boolean } => BooleanClause(field, context) is { } clause
            ? [T("A value indicating whether "), .. clause, T(".")]
            : [T($"The {Phrase(field.Name)} flag.")],
        { IsStatic: true, IsReadOnly: true } when SymbolEqualityComparer.Default.Equals(field.Type, field.ContainingType) =>
            [T($"The {Phrase(field.Name)} "), .. TypeText.Nodes(field.Type, context), T(" instance.")],
        _ => [T($"The {Phrase(field.Name)}.")],
    };

    // "this instance is open", "this instance has items", "Widget is supported" for a static; null when the name reads as no clause.
    private static IReadOnlyList<XmlNodeSyntax>? BooleanClause(ISymbol property, DocContext? context)
    {
        var words = Split(property.Name).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        string clause;
        if (ClauseWords.Contains(words[0]))
        {
            clause = string.Join(" ", words);
        }
        else if (words.Count > 1 && VerbLexicon.IsVerb(words[0]) && !words[0].EndsWith("ed", StringComparison.Ordinal))
        {
            clause = string.Join(" ", new[] { ThirdPerson(words[0]) }.Concat(words.Skip(1)));
        }
        else if (words.FindIndex(1, word => InnerClauseWords.Contains(word)) is var verb and > 0 && verb < words.Count - 1
            && !VerbLexicon.IsVerb(words[0]))
        {
            // LineBreakInQuotedFieldIsBadData: the words before "is" are the subject, so no "this instance" is added.
            return [T(string.Join(" ", words))];
        }
        else if (words.Count == 1 && (StateWords.Contains(words[0]) || words[0].EndsWith("ed", StringComparison.Ordinal)
            || words[0].EndsWith("able", StringComparison.Ordinal) || words[0].EndsWith("ible", StringComparison.Ordinal)))
        {
            clause = "is " + words[0];
        }
        else
        {
            return null;
        }

        // Event arguments describe their event: an instance of them is manual or cancelled in no sense of its own.
        IReadOnlyList<XmlNodeSyntax> subject = property.IsStatic ? TypeText.Nodes(property.ContainingType, context)
            : TypeText.IsSystemClassOrDerived(property.ContainingType, "EventArgs") ? [T("the event")]
            : [T("this instance")];
        return [.. subject, T(" " + clause)];
    }

    // Words that make the rest of a Boolean's name a clause with its own subject when they stand inside it.
    private static readonly HashSet<string> InnerClauseWords = new(StringComparer.Ordinal) { "is", "are", "has", "have", "was", "were" };

    // All = ReceivedCalls | ReturnValues | CallActions: a member made of others is their combination, whatever its name says.
    private static IReadOnlyList<XmlNodeSyntax>? Combined(IFieldSymbol field, DocContext? context)
    {
        if (context?.Declaration is not EnumMemberDeclarationSyntax { EqualsValue.Value: var value })
        {
            return null;
        }

        var names = new List<string>();
        if (!Flatten(value, names) || names.Count < 2)
        {
            return null;
        }

        var nodes = new List<XmlNodeSyntax> { T("The combination of ") };
        for (var index = 0; index < names.Count; index++)
        {
            if (index > 0)
            {
                nodes.Add(T(index == names.Count - 1 ? " and " : ", "));
            }

            nodes.Add(XmlDoc.SeeCref(names[index]));
        }

        nodes.Add(T("."));
        return nodes;
    }

    // A | B | C of the enum's own members by simple name; anything else (a number, a shift, another enum) is no combination.
    private static bool Flatten(ExpressionSyntax expression, List<string> names)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Flatten(parenthesized.Expression, names);
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.BitwiseOrExpression } or:
                return Flatten(or.Left, names) && Flatten(or.Right, names);
            case IdentifierNameSyntax name:
                names.Add(name.Identifier.ValueText);
                return true;
            default:
                return false;
        }
    }

    private static string Accessors(IPropertySymbol property) =>
        property.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal }
            && !property.SetMethod.IsInitOnly
            ? "Gets or sets"
            : "Gets";

    private static XmlTextSyntax T(string text) => XmlDoc.Text(text);
}
