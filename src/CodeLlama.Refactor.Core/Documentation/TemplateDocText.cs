using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The embedded default: documentation text from names and signatures, in the conventions users know from StyleCop
/// and GhostDoc ("Initializes a new instance of…", "Gets or sets…", "Occurs when…").
/// </summary>
public sealed class TemplateDocText : IDocTextSource
{
    private const string AsyncSuffix = "Async";

    /// <inheritdoc/>
    public string Name => "template";

    /// <inheritdoc/>
    public bool FillsFilesInOrder => false;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocElement element, DocSlot slot, CancellationToken cancellationToken) =>
        new(Content(element));

    /// <summary>The template content of <paramref name="element"/>.</summary>
    /// <param name="element">The element to fill.</param>
    /// <returns>Text and reference nodes.</returns>
    public static IReadOnlyList<XmlNodeSyntax> Content(DocElement element) => element.Kind switch
    {
        DocElementKind.Summary => Summary(element.Symbol),
        DocElementKind.TypeParam => Sentence($"The type of the {TypeParameterNoun(element.Name!)}."),
        DocElementKind.Param => Param(element.Symbol, element.Name!),
        DocElementKind.Returns => Returns((IMethodSymbol)element.Symbol),
        DocElementKind.Value => Sentence($"The {PropertyNoun(element.Symbol)}."),
        DocElementKind.Exception => Exception(element.Detail),
        _ => Sentence(Capitalize(Phrase(element.Symbol.Name)) + "."),
    };

    private static IReadOnlyList<XmlNodeSyntax> Summary(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: true } method =>
            [XmlDoc.Text("Initializes the static members of the "), XmlDoc.SeeCref(method.ContainingType), XmlDoc.Text($" {TypeWord(method.ContainingType)}.")],
        IMethodSymbol { MethodKind: MethodKind.Constructor } method =>
            [XmlDoc.Text("Initializes a new instance of the "), XmlDoc.SeeCref(method.ContainingType), XmlDoc.Text($" {TypeWord(method.ContainingType)}.")],
        IMethodSymbol { MethodKind: MethodKind.Destructor } method =>
            [XmlDoc.Text("Releases the resources of this "), XmlDoc.SeeCref(method.ContainingType), XmlDoc.Text(" instance before it is reclaimed.")],
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } method =>
            Sentence($"Implements the {OperatorWord(method.Name)} operator."),
        IMethodSymbol { MethodKind: MethodKind.Conversion } method =>
            Sentence($"Converts {Display(method.Parameters[0].Type)} to {Display(method.ReturnType)} ({(method.Name == "op_Implicit" ? "implicitly" : "explicitly")})."),
        IMethodSymbol method => Sentence(MethodSentence(method)),
        IPropertySymbol { IsIndexer: true } indexer =>
            Sentence($"{Accessors(indexer)} the element at the specified {string.Join(" and ", indexer.Parameters.Select(p => Phrase(p.Name)))}."),
        IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean } property =>
            Sentence($"{Accessors(property)} a value indicating whether {BooleanClause(property.Name)}."),
        IPropertySymbol property => Sentence($"{Accessors(property)} the {PropertyNoun(property)}."),
        IEventSymbol @event => Sentence($"Occurs when {Phrase(@event.Name)}."),
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } field => Sentence($"The {Phrase(field.Name)} value."),
        IFieldSymbol { IsConst: true } field => Sentence($"The {Phrase(field.Name)} constant."),
        IFieldSymbol field => Sentence($"The {Phrase(field.Name)}."),
        INamedTypeSymbol { TypeKind: TypeKind.Interface } type => Sentence($"Defines {ArticlePhrase(InterfaceNoun(type.Name))}."),
        INamedTypeSymbol { TypeKind: TypeKind.Enum } type => Sentence($"Specifies {ArticlePhrase(Phrase(type.Name))}."),
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } type => Sentence($"Represents the method that handles {ArticlePhrase(Phrase(type.Name))}."),
        INamedTypeSymbol { IsStatic: true } type => Sentence($"Provides {Phrase(type.Name)}."),
        INamedTypeSymbol type => Sentence($"Represents {ArticlePhrase(Phrase(type.Name))}."),
        _ => Sentence(Capitalize(Phrase(symbol.Name)) + "."),
    };

    private static IReadOnlyList<XmlNodeSyntax> Param(ISymbol symbol, string name)
    {
        var parameter = Parameters(symbol).FirstOrDefault(p => p.Name == name);
        return parameter switch
        {
            { Type.Name: nameof(CancellationToken) } => Sentence("A token to cancel the operation."),
            { Ordinal: 0, ContainingSymbol: IMethodSymbol { IsExtensionMethod: true } } => Sentence($"The {Phrase(name)} to extend."),
            _ => Sentence($"The {Phrase(name)}."),
        };
    }

    private static IReadOnlyList<XmlNodeSyntax> Returns(IMethodSymbol method)
    {
        var returned = method.ReturnType;
        if (IsTask(returned) && returned is INamedTypeSymbol { TypeArguments: [var result] })
        {
            return Sentence($"A task that represents the asynchronous operation; its result is the {ResultNoun(method, result)}.");
        }

        if (IsTask(returned))
        {
            return Sentence("A task that represents the asynchronous operation.");
        }

        return returned.SpecialType == SpecialType.System_Boolean
            ? [XmlDoc.SeeLangword("true"), XmlDoc.Text($" if {ConditionPhrase(method)}; otherwise, "), XmlDoc.SeeLangword("false"), XmlDoc.Text(".")]
            : Sentence($"The {ResultNoun(method, returned)}.");
    }

    private static IReadOnlyList<XmlNodeSyntax> Exception(ThrowSite? site) => site switch
    {
        { HelperName: { } helper, ParameterName: { } parameter } =>
            [XmlDoc.Text("Thrown when "), XmlDoc.ParamRef(parameter), XmlDoc.Text($" {HelperCondition(helper)}.")],
        _ => Sentence("Thrown when the arguments or the state do not allow the operation."),
    };

    private static IReadOnlyList<XmlNodeSyntax> Sentence(string text) => [XmlDoc.Text(text)];

    private static string MethodSentence(IMethodSymbol method)
    {
        var name = method.Name.EndsWith(AsyncSuffix, StringComparison.Ordinal) && method.Name.Length > AsyncSuffix.Length
            ? method.Name[..^AsyncSuffix.Length]
            : method.Name;
        var suffix = name.Length < method.Name.Length ? " asynchronously" : "";
        var words = Split(name).ToList();
        if (words.Count == 0)
        {
            return "Performs the operation" + suffix + ".";
        }

        var sentence = words[0] switch
        {
            "to" when words.Count > 1 => "Converts the value to " + string.Join(" ", words.Skip(1)),
            "is" or "has" or "can" => "Determines whether this instance " + string.Join(" ", words),
            "try" when words.Count > 1 => "Tries to " + string.Join(" ", words.Skip(1)),
            var verb => ThirdPerson(verb) + (words.Count > 1 ? " " + string.Join(" ", words.Skip(1)) : ""),
        };
        return Capitalize(sentence) + suffix + ".";
    }

    private static string ConditionPhrase(IMethodSymbol method)
    {
        var words = Split(method.Name).ToList();
        return words.FirstOrDefault() switch
        {
            "try" => "the operation succeeded",
            "is" or "has" or "can" => "this instance " + string.Join(" ", words),
            _ => "this instance " + string.Join(" ", words.Take(1).Select(ThirdPerson).Concat(words.Skip(1)))
                + (method.Parameters.Length > 0 ? " the specified " + Phrase(method.Parameters[0].Name) : ""),
        };
    }

    private static string ResultNoun(IMethodSymbol method, ITypeSymbol returned)
    {
        var words = Split(method.Name.Replace(AsyncSuffix, "", StringComparison.Ordinal)).ToList();
        var noun = words.Count > 1 && words[0] is "get" or "find" or "create" or "compute" or "calculate" or "load" or "read" or "build"
            ? string.Join(" ", words.Skip(1))
            : "";
        return noun.Length > 0 ? noun
            : returned is ITypeParameterSymbol || returned.Name.Length == 0 ? "result"
            : returned.SpecialType != SpecialType.None ? "resulting " + Display(returned)
            : "resulting " + Phrase(returned.Name);
    }

    private static string Accessors(IPropertySymbol property) =>
        property.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal }
            && !property.SetMethod.IsInitOnly
            ? "Gets or sets"
            : "Gets";

    private static string PropertyNoun(ISymbol property) =>
        property is IPropertySymbol { IsIndexer: true } ? "element" : Phrase(property.Name);

    private static string BooleanClause(string name)
    {
        var words = Split(name).ToList();
        return words[0] is "is" or "has" or "can" or "should" or "allows" or "was"
            ? "this instance " + string.Join(" ", words)
            : "this instance is " + string.Join(" ", words);
    }

    private static string HelperCondition(string helper) =>
        helper.StartsWith("ThrowIf", StringComparison.Ordinal) && helper.Length > "ThrowIf".Length
            ? "is " + Phrase(helper["ThrowIf".Length..])
            : "is not valid";

    private static string TypeParameterNoun(string name) =>
        name.Length > 1 && name[0] == 'T' && char.IsUpper(name[1]) ? Phrase(name[1..]) : "value";

    private static string InterfaceNoun(string name) =>
        name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? Phrase(name[1..]) : Phrase(name);

    private static string ArticlePhrase(string phrase) => $"{Article(phrase)} {phrase}";

    private static string TypeWord(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };

    private static string OperatorWord(string metadataName) =>
        metadataName.StartsWith("op_", StringComparison.Ordinal) ? Phrase(metadataName[3..]) : Phrase(metadataName);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static bool IsTask(ITypeSymbol type) =>
        type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static IEnumerable<IParameterSymbol> Parameters(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.Parameters,
        IPropertySymbol property => property.Parameters,
        INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters,
        INamedTypeSymbol type => type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).SelectMany(c => c.Parameters),
        _ => [],
    };
}
