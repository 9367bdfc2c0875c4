namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>When a matching call or creation counts, judged from its arguments.</summary>
public enum UseCondition
{
    /// <summary>Every use counts.</summary>
    Always,

    /// <summary>Only when it may open a file for writing: a <c>FileMode</c> or <c>FileAccess</c> that is not known to be read-only.</summary>
    OpensForWriting,

    /// <summary>Only when it takes a path (a <c>string</c> first parameter), not a stream it was given.</summary>
    TakesPath,

    /// <summary>Only when it names a type or assembly by string, which the compiler cannot see.</summary>
    TakesTypeName,
}

/// <summary>
/// One row of <see cref="CapabilityTable"/>: the members of a type (or of every type in a namespace) whose use gives
/// code a capability.
/// </summary>
/// <param name="Type">A type's full name, e.g. <c>System.IO.File</c>, or a namespace followed by <c>.*</c>.</param>
/// <param name="Members">Member names separated by spaces, <c>.ctor</c> for constructors, or <c>*</c> for all of them.</param>
/// <param name="Capability">The capability they give.</param>
/// <param name="What">What they do, in the report's words, e.g. <c>file deletion</c>.</param>
/// <param name="When">Which uses count.</param>
public sealed record CapabilityRule(string Type, string Members, Capability Capability, string What, UseCondition When = UseCondition.Always)
{
    private readonly string[] members = Members.Split(' ');

    /// <summary>True when the rule covers member <paramref name="member"/> of the type named <paramref name="typeName"/>.</summary>
    /// <param name="typeName">The containing type's full name.</param>
    /// <param name="member">The member's name (<c>.ctor</c> for a constructor).</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(string typeName, string member) =>
        (Type.EndsWith(".*", StringComparison.Ordinal)
            ? typeName.StartsWith(Type.Substring(0, Type.Length - 1), StringComparison.Ordinal)
            : typeName == Type)
        && (Members == "*" || Array.IndexOf(members, member) >= 0);
}
