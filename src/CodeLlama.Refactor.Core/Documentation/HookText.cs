using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Methods named <c>On</c> and an event (<c>OnExit</c>, <c>OnRetry</c>, <c>OnEntryFrom</c>) that are passed one delegate
/// and do not call it: they keep it for when that event happens. "Exits." or "Returns a configuration." says nothing
/// of it; what is known is that the delegate runs on the event the name gives.
/// </summary>
internal static class HookText
{
    /// <summary>"Specifies <c>action</c> to run on exit."; null where the name or the parameters say otherwise.</summary>
    public static IReadOnlyList<XmlNodeSyntax>? Summary(IMethodSymbol method, IReadOnlyList<string> words, DocContext? context)
    {
        if (words is not ["on", var first, ..] || IsFunctionWord(first) || Callback(method) is not { } callback || Invokes(callback, context))
        {
            return null;
        }

        var eventWords = string.Join(" ", words.Skip(1));
        // OnEntryFrom(trigger, action): the name ends on a preposition whose object is the one other thing passed.
        var others = method.Parameters.Where(parameter => !SymbolEqualityComparer.Default.Equals(parameter, callback)
            && parameter.Type.SpecialType != SpecialType.System_String && parameter.Type.Name != nameof(CancellationToken)).ToList();
        IReadOnlyList<XmlNodeSyntax> tail = IsFunctionWord(words[words.Count - 1])
            ? others is [var only] ? [XmlDoc.Text(" "), XmlDoc.ParamRef(only.Name)] : []
            : [];
        if (IsFunctionWord(words[words.Count - 1]) && tail.Count == 0)
        {
            eventWords = string.Join(" ", words.Skip(1).Take(words.Count - 2));
        }

        return [XmlDoc.Text("Specifies "), XmlDoc.ParamRef(callback.Name), XmlDoc.Text($" to run on {eventWords}"), .. tail, XmlDoc.Text(".")];
    }

    // The one delegate passed (an extension's receiver aside); none when two are, for then which runs when is unknown.
    private static IParameterSymbol? Callback(IMethodSymbol method) =>
        method.Parameters.Where(parameter => !(method.IsExtensionMethod && parameter.Ordinal == 0) && parameter.Type.TypeKind == TypeKind.Delegate).ToList() is [var only]
            ? only
            : null;

    // A body that calls the delegate runs it now: OnChanged(Action notify) may be the event's raiser, not its hook. A
    // call inside a lambda (t => action()) runs later, when the lambda does.
    private static bool Invokes(IParameterSymbol callback, DocContext? context) =>
        context is not null && context.Declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            Target(invocation) == callback.Name
            && !invocation.Ancestors().TakeWhile(node => node != context.Declaration).Any(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    // notify(), notify.Invoke(), notify?.Invoke(): the name of what is called.
    private static string? Target(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "Invoke" } => target.Identifier.ValueText,
        MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax { Expression: IdentifierNameSyntax target } => target.Identifier.ValueText,
        _ => null,
    };
}
