using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>The text of <c>&lt;param&gt;</c> and <c>&lt;typeparam&gt;</c>: from the parameter's role, use and constraints.</summary>
internal static class ParameterText
{
    public static IReadOnlyList<XmlNodeSyntax> Param(ISymbol symbol, string name, DocContext? context)
    {
        var parameter = Parameters(symbol).FirstOrDefault(p => p.Name == name);
        switch (parameter)
        {
            case null:
                return [T($"The {Phrase(name)}.")];
            case { Type.Name: nameof(CancellationToken) }:
                return [T("A token to cancel the operation.")];
            case { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op }:
                return [T(OperatorText.Parameter(op, parameter))];
            case { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Conversion } }:
                return [T("The value to convert.")];
            case { ContainingSymbol: IPropertySymbol { IsIndexer: true } indexer }:
                return [T($"The {Phrase(name)} of the element to get{(indexer.SetMethod is null ? "" : " or set")}.")];
            case { RefKind: RefKind.Out, ContainingSymbol: IMethodSymbol method } when method.Name.StartsWith("Try", StringComparison.Ordinal):
                return [T($"When this method returns, contains the {Phrase(name)} if the operation succeeded.")];
            case { Ordinal: 0, ContainingSymbol: IMethodSymbol { IsExtensionMethod: true } }:
                return [T($"The {Phrase(name)} to extend.")];
            case { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } thrown } } when ExceptionConstructorText(parameter, thrown) is { } text:
                return [T(text)];
        }

        // A flag named by what it makes the member do: "true to keep open; otherwise, false."
        if (parameter.Type.SpecialType == SpecialType.System_Boolean && Split(name) is [var verb, ..] words && VerbLexicon.IsVerb(verb))
        {
            return [XmlDoc.SeeLangword("true"), T($" to {string.Join(" ", words)}; otherwise, "), XmlDoc.SeeLangword("false"), T(".")];
        }

        // A flag whose name is no verb ("publicOnly") is no noun either: say what true stands for, nothing more.
        if (parameter.Type.SpecialType == SpecialType.System_Boolean && name.Length > 2)
        {
            var flagWords = Split(name);
            var flag = flagWords is ["is", _, ..] ? string.Join(" ", flagWords.Skip(1)) : Phrase(name);
            return [XmlDoc.SeeLangword("true"), T($" for {flag}; otherwise, "), XmlDoc.SeeLangword("false"), T(".")];
        }

        // A one- or two-letter name says nothing: its type does.
        return name.Length <= 2
            ? [T("The "), .. TypeText.Nodes(parameter.Type, context), T(" value.")]
            : [T($"The {Phrase(name)}.")];
    }

    // The texts .NET's own exceptions give the parameters every exception constructor takes.
    private static string? ExceptionConstructorText(IParameterSymbol parameter, INamedTypeSymbol type)
    {
        if (!DerivesFrom(type, "Exception"))
        {
            return null;
        }

        return (parameter.Name, parameter.Type) switch
        {
            ("message", { SpecialType: SpecialType.System_String }) => "The error message that explains the reason for the exception.",
            ("innerException", { Name: "Exception", ContainingNamespace.Name: "System" }) =>
                "The exception that is the cause of the current exception, or a null reference if no inner exception is specified.",
            ("paramName", { SpecialType: SpecialType.System_String }) when DerivesFrom(type, "ArgumentException") =>
                "The name of the parameter that caused the current exception.",
            _ => null,
        };
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string systemTypeName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == systemTypeName && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<XmlNodeSyntax> TypeParam(ISymbol symbol, string name, DocContext? context)
    {
        var parameter = TypeParameters(symbol).FirstOrDefault(p => p.Name == name);
        if (name.Length > 1 && name[0] == 'T' && char.IsUpper(name[1]) && !IsFunctionWord(Split(name.Substring(1))[0]))
        {
            return [T($"The type of the {Phrase(name.Substring(1))}.")];
        }

        if (symbol is IMethodSymbol method && parameter is not null)
        {
            if (method.Parameters.FirstOrDefault(p => IsSequenceOf(p.Type, parameter)) is { } sequence)
            {
                return [T("The type of the elements of "), XmlDoc.ParamRef(sequence.Name), T(".")];
            }

            if (method.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, parameter)) is { } direct)
            {
                return [T("The type of "), XmlDoc.ParamRef(direct.Name), T(".")];
            }

            if (SymbolEqualityComparer.Default.Equals(method.ReturnType, parameter))
            {
                return [T("The type of the value returned.")];
            }
        }

        if (parameter?.ConstraintTypes.FirstOrDefault() is INamedTypeSymbol constraint)
        {
            return [T(constraint.TypeKind == TypeKind.Interface ? "A type that implements " : "A type that derives from "),
                .. TypeText.Nodes(constraint, context), T(".")];
        }

        if (symbol is INamedTypeSymbol type && parameter is not null && type.AllInterfaces.Any(i => IsSequenceOf(i, parameter)))
        {
            return [T("The type of the elements.")];
        }

        return [T("The type argument.")];
    }

    private static bool IsSequenceOf(ITypeSymbol type, ITypeParameterSymbol element) =>
        type is INamedTypeSymbol { TypeArguments: [var argument] } named
        && SymbolEqualityComparer.Default.Equals(argument, element)
        && (named.Name == "IEnumerable" || named.AllInterfaces.Any(i => i.Name == "IEnumerable" && i.TypeArguments.Length == 1));

    public static IEnumerable<IParameterSymbol> Parameters(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.Parameters,
        IPropertySymbol property => property.Parameters,
        INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters,
        INamedTypeSymbol type => type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).SelectMany(c => c.Parameters),
        _ => [],
    };

    private static IEnumerable<ITypeParameterSymbol> TypeParameters(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.TypeParameters,
        INamedTypeSymbol type => type.TypeParameters,
        _ => Enumerable.Empty<ITypeParameterSymbol>(),
    };

    private static XmlTextSyntax T(string text) => XmlDoc.Text(text);
}
