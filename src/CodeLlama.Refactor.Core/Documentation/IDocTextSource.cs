using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Writes the text inside one documentation element. The element itself (its tag and attributes) is chosen by Roslyn,
/// so whatever a source writes, the comment stays well-formed and names the right parameters.
/// </summary>
public interface IDocTextSource
{
    /// <summary>A short name for reports, e.g. <c>template</c>.</summary>
    string Name { get; }

    /// <summary>Returns the XML content of the gap's element: text, <c>&lt;see&gt;</c> and <c>&lt;paramref&gt;</c> nodes.</summary>
    /// <param name="gap">The element to fill and where it sits in its file, for sources that read the code around it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The element's content; never empty.</returns>
    ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocGap gap, CancellationToken cancellationToken);
}
