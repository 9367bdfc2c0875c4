using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Operators by kind: comparisons say what they compare ("Returns a value indicating whether left and right are equal."),
/// the others name the operator they implement; a static operator has no instance to speak of.
/// </summary>
internal static class OperatorText
{
    public static IReadOnlyList<XmlNodeSyntax> Summary(IMethodSymbol method, DocContext? context) =>
        Comparison(method) is { } relation
            ? [XmlDoc.Text("Returns a value indicating whether "), .. relation, XmlDoc.Text(".")]
            : [XmlDoc.Text($"Implements the {Name(method.Name)} operator.")];

    public static IReadOnlyList<XmlNodeSyntax> Returns(IMethodSymbol method, DocContext? context) =>
        Comparison(method) is { } relation
            ? [XmlDoc.SeeLangword("true"), XmlDoc.Text(" if "), .. relation, XmlDoc.Text("; otherwise, "), XmlDoc.SeeLangword("false"), XmlDoc.Text(".")]
            : [XmlDoc.Text($"The result of the {Name(method.Name)}.")];

    /// <summary>The text of an operator's parameter: the value compared, or the operand.</summary>
    public static string Parameter(IMethodSymbol method, IParameterSymbol parameter) => (method.Parameters.Length, parameter.Ordinal) switch
    {
        (2, 0) when Comparison(method) is not null => "The first value to compare.",
        (2, _) when Comparison(method) is not null => "The second value to compare.",
        (2, 0) => "The left operand.",
        (2, _) => "The right operand.",
        _ => "The operand.",
    };

    private static IReadOnlyList<XmlNodeSyntax>? Comparison(IMethodSymbol method)
    {
        var relation = method.Name switch
        {
            "op_Equality" => "are equal",
            "op_Inequality" => "are not equal",
            "op_LessThan" => "is less than",
            "op_LessThanOrEqual" => "is less than or equal to",
            "op_GreaterThan" => "is greater than",
            "op_GreaterThanOrEqual" => "is greater than or equal to",
            _ => null,
        };
        if (relation is null || method.Parameters.Length != 2)
        {
            return null;
        }

        var (left, right) = (XmlDoc.ParamRef(method.Parameters[0].Name), XmlDoc.ParamRef(method.Parameters[1].Name));
        return relation.StartsWith("are", StringComparison.Ordinal)
            ? [left, XmlDoc.Text(" and "), right, XmlDoc.Text(" " + relation)]
            : [left, XmlDoc.Text(" " + relation + " "), right];
    }

    private static string Name(string metadataName) => metadataName switch
    {
        "op_Multiply" => "multiplication",
        "op_BitwiseAnd" => "bitwise AND",
        "op_BitwiseOr" => "bitwise OR",
        "op_ExclusiveOr" => "exclusive OR",
        "op_OnesComplement" => "bitwise complement",
        "op_True" => "true",
        "op_False" => "false",
        _ when metadataName.StartsWith("op_", StringComparison.Ordinal) => Phrase(metadataName.Substring(3)),
        _ => Phrase(metadataName),
    };
}
