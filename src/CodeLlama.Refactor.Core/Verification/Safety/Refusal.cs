namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>Why the allow-list gate refused an untrusted candidate.</summary>
public enum RefusalKind
{
    /// <summary>A symbol that is neither on the allow-list, nor used by the member before, nor a solution member that reaches only allowed symbols.</summary>
    NotAllowed,

    /// <summary><c>dynamic</c>: late-bound calls the compiler cannot see.</summary>
    Dynamic,

    /// <summary>Reflection or late binding: <c>System.Reflection</c>, <c>Type</c>, <c>Activator</c>, <c>AppDomain</c>, <c>GetType()</c>.</summary>
    Reflection,

    /// <summary>An expression tree, which can be compiled into code the gate never saw.</summary>
    ExpressionTree,

    /// <summary>Unsafe code, <c>extern</c>, pointers and function pointers, interop and native libraries.</summary>
    Native,

    /// <summary>An attribute the member did not have.</summary>
    NewAttribute,

    /// <summary>A static constructor, finalizer or module initializer, which run without being called.</summary>
    TypeInitializer,

    /// <summary>A type the code did not declare, or a changed type declaration (base types, modifiers).</summary>
    NewType,
}

/// <summary>The first thing in an untrusted candidate that the allow-list gate does not allow.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Symbol">What it names, e.g. <c>System.Xml.XmlDocument.Save</c>, <c>dynamic</c> or <c>Lib.Helpers.Wipe</c>.</param>
/// <param name="Member">The edited member it is in, e.g. <c>Lib.Labels.Width(string)</c>.</param>
/// <param name="Via">For a solution member: the symbol its body reaches that is not allowed.</param>
public sealed record Refusal(RefusalKind Kind, string Symbol, string Member, string? Via = null)
{
    /// <summary>The report's words, e.g. <c>System.Xml.XmlDocument.Save is not on the allow-list (in Lib.Labels.Width(string))</c>.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            RefusalKind.NotAllowed when Via is not null => $"{Symbol} reaches {Via}, which is not allowed",
            RefusalKind.NotAllowed => $"{Symbol} is not on the allow-list",
            RefusalKind.Dynamic => $"{Symbol} is late-bound (dynamic)",
            RefusalKind.Reflection => $"{Symbol} is reflection",
            RefusalKind.ExpressionTree => $"{Symbol} is an expression tree",
            RefusalKind.Native => $"{Symbol} is native or unsafe code",
            RefusalKind.NewAttribute => $"{Symbol} is a new attribute",
            RefusalKind.TypeInitializer => $"{Symbol} runs without being called",
            _ => $"{Symbol} is a new or changed type",
        };
        return $"{what} (in {Member})";
    }
}
