using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>A verified change to one file: its text as loaded and as it should become.</summary>
/// <param name="FilePath">The absolute path.</param>
/// <param name="Original">The text the tool loaded; the file is only written while it still holds exactly this.</param>
/// <param name="Updated">The new text.</param>
public sealed record FileEdit(string FilePath, SourceText Original, SourceText Updated);
