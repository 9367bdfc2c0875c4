using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Methods named in the third person, <c>Returns</c> and <c>Throws</c> (<c>call.Returns(42)</c>,
/// <c>setup.ThrowsAsync(error)</c>, <c>ReturnsNullForAnyArgs()</c>), as the setup methods of test doubles are: the name
/// declares what the configured call will do, so the method specifies a value or an exception; it neither returns nor
/// throws it itself. Imperative names (<c>Return</c>, <c>Throw</c>) and questions (<c>bool Throws</c>) are left to the
/// other rules, and so is a body that throws.
/// </summary>
internal static class SetupText
{
    /// <summary>"Specifies <c>value</c> as the value to return."; null where the name or the body say otherwise.</summary>
    public static IReadOnlyList<XmlNodeSyntax>? Summary(IMethodSymbol method, IReadOnlyList<string> words, DocContext? context)
    {
        if (words is not [("returns" or "throws") and var verb, ..] || method.ReturnType.SpecialType == SpecialType.System_Boolean
            || words.Any(word => word is "if" or "unless" or "when") || Throws(context))
        {
            return null;
        }

        var noun = verb == "returns" ? "value" : "exception";
        var infinitive = verb == "returns" ? "return" : "throw";
        // ThrowsAsyncForAnyArgs: "async" says how the call fails, "for any args" when; "null" is the value itself.
        var rest = words.Skip(1).Where(word => word != "async").ToList();
        var named = rest.TakeWhile(word => !IsFunctionWord(word)).ToList();
        var tail = rest.Count > named.Count ? " " + string.Join(" ", rest.Skip(named.Count)) : "";
        var given = method.Parameters.Where(parameter => !(method.IsExtensionMethod && parameter.Ordinal == 0)
            && parameter.Type.Name != nameof(CancellationToken)).ToList();
        List<XmlNodeSyntax> nodes = [XmlDoc.Text("Specifies ")];
        if (named is ["null"] && given.Count == 0)
        {
            nodes.AddRange([XmlDoc.SeeLangword("null"), XmlDoc.Text($" as the {noun} to {infinitive}")]);
        }
        else if (named.Count > 0)
        {
            return null;
        }
        else if (given.FirstOrDefault() is { } first && first.Type.TypeKind == TypeKind.Delegate)
        {
            // "for any args" belongs to what is specified, not to the delegate that computes it.
            nodes.AddRange([XmlDoc.Text($"the {noun} to {infinitive}{tail}, as "), XmlDoc.ParamRef(first.Name), XmlDoc.Text(" computes it.")]);
            return nodes;
        }
        else if (given.FirstOrDefault() is { } value)
        {
            nodes.AddRange([XmlDoc.ParamRef(value.Name), XmlDoc.Text($" as the {noun} to {infinitive}")]);
        }
        else if (verb == "throws" && method.TypeParameters.FirstOrDefault(parameter => parameter.ConstraintTypes.Any(type => TypeText.IsSystemClassOrDerived(type, "Exception"))) is { } type)
        {
            nodes.AddRange([XmlDoc.Text("an exception of type "), XmlDoc.TypeParamRef(type.Name), XmlDoc.Text(" as the exception to throw")]);
        }
        else
        {
            nodes.Add(XmlDoc.Text($"the {noun} to {infinitive}"));
        }

        nodes.Add(XmlDoc.Text(tail + "."));
        return nodes;
    }

    // A Throws() whose own body throws does what its name says now, not later; a throw inside a lambda runs later.
    private static bool Throws(DocContext? context) =>
        context?.Declaration.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(node => node is ThrowStatementSyntax or ThrowExpressionSyntax) == true;
}
