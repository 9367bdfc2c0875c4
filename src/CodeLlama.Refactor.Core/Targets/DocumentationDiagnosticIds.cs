namespace CodeLlama.Refactor.Targets;

/// <summary>The compiler diagnostics about documentation comments, which exist only in documentation mode.</summary>
public static class DocumentationDiagnosticIds
{
    /// <summary>Missing XML comment for publicly visible type or member.</summary>
    public const string MissingComment = "CS1591";

    /// <summary>
    /// The tool's own id for the same missing comment in a project whose build does not report CS1591 (it generates no
    /// documentation file): the analyzer package's rule, configured as any analyzer's.
    /// </summary>
    public const string MissingCommentBeyondBuild = "CLRF0001";

    /// <summary>Every documentation diagnostic: a malformed comment, a bad cref, a parameter tag that does not match.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "CS1570", "CS1571", "CS1572", "CS1573", "CS1574", "CS1580", "CS1581", "CS1584", "CS1587", "CS1589",
        "CS1590", "CS1591", "CS1592", "CS1598", "CS1658", "CS1710", "CS1711", "CS1712", "CS1723", "CS1734", "CS1735",
    };
}
