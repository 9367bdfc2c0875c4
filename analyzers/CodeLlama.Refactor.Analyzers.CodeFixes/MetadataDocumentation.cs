using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Whether a member of a referenced assembly is documented, in the IDE: its documentation provider, which the IDE keeps
/// loaded, answers. (The command line reads the member names of the XML file once instead: Core's Documentation/MetadataDocumentation.)
/// </summary>
internal static class MetadataDocumentation
{
    /// <summary>Whether <paramref name="symbol"/>, declared in a referenced assembly, has a documentation comment.</summary>
    /// <param name="symbol">A symbol from metadata.</param>
    /// <param name="compilation">A compilation that references its assembly (unused here).</param>
    /// <returns>True when it is documented.</returns>
    public static bool IsDocumented(ISymbol symbol, Compilation compilation) =>
        !string.IsNullOrWhiteSpace(symbol.GetDocumentationCommentXml());
}
