using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>A verified change to one file: its text as loaded and as it should become.</summary>
/// <param name="FilePath">The absolute path.</param>
/// <param name="Original">
/// The text the tool loaded, with the encoding the compiler decoded it with; the file is only written while it still
/// holds exactly this. Empty for a new file.
/// </param>
/// <param name="Updated">The new text.</param>
public sealed record FileEdit(string FilePath, SourceText Original, SourceText Updated)
{
    /// <summary>True for a file the edit creates (a document a candidate adds); it is never written over an existing file.</summary>
    public bool IsNewFile { get; init; }

    /// <summary>An edit that creates <paramref name="filePath"/> holding <paramref name="text"/>.</summary>
    /// <param name="filePath">The absolute path; the file must not exist when the edit is written.</param>
    /// <param name="text">The new file's text; its encoding, when it has one, is the file's (UTF-8 otherwise).</param>
    /// <returns>The edit.</returns>
    public static FileEdit NewFile(string filePath, SourceText text) =>
        new(filePath, SourceText.From(string.Empty, text.Encoding), text) { IsNewFile = true };
}
