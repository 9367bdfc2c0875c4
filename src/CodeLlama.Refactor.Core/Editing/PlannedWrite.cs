namespace CodeLlama.Refactor.Editing;

/// <summary>One file of a <see cref="WriteTransaction"/>.</summary>
/// <param name="Path">The file to replace or create.</param>
/// <param name="Expected">The bytes the file must still hold when it is replaced; null for a new file, which must not exist.</param>
/// <param name="Content">The bytes it will hold.</param>
internal sealed record PlannedWrite(string Path, byte[]? Expected, byte[] Content);
