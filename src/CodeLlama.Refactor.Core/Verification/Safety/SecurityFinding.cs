namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>A security diagnostic in a document, without its position (edits shift it).</summary>
/// <param name="Id">The rule id, e.g. <c>CA5351</c>.</param>
/// <param name="Name">The rule's short name, e.g. <c>broken cryptography: MD5</c>.</param>
/// <param name="FilePath">The document it is in.</param>
/// <param name="Message">The analyzer's message.</param>
public sealed record SecurityFinding(string Id, string Name, string FilePath, string Message)
{
    /// <summary>The report's words: <c>CA5351 (broken cryptography: MD5)</c>.</summary>
    public string Describe() => $"{Id} ({Name})";
}
