using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The element a text source is asked to fill, and where it sits: the member and its file, the comment being completed
/// (none for a new one), and the elements of the comment already filled before it. The elements still to come are not
/// part of the gap, so a source that reads the code sees the comment end with this element.
/// </summary>
/// <param name="Draft">The member being documented, in its file as it is.</param>
/// <param name="Comment">The existing comment the element is appended to, or null when a new comment is written.</param>
/// <param name="Filled">The elements written before this one, in order, with their content.</param>
/// <param name="Element">The element to fill.</param>
public sealed record DocGap(
    DocDraft Draft,
    DocumentationCommentTriviaSyntax? Comment,
    IReadOnlyList<DocCommentWriter.FilledElement> Filled,
    DocElement Element);
