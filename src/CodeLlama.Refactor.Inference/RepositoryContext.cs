namespace CodeLlama.Refactor.Inference;

/// <summary>A special token of repository context, which a format writes as its marker text or its token id.</summary>
public enum ContextMarker
{
    /// <summary>FIM_REP (<c>&lt;|repo_name|&gt;</c>), which opens the repository.</summary>
    Repository,

    /// <summary>FIM_SEP (<c>&lt;|file_sep|&gt;</c>), which opens each file.</summary>
    FileSeparator,
}

/// <summary>
/// One piece of repository context in order: a marker, or text the tokenizer reads as plain text (each text piece is
/// tokenized on its own, as llama.cpp's server does).
/// </summary>
/// <param name="Marker">The marker, or null for a text piece.</param>
/// <param name="Text">The text of a text piece; empty for a marker.</param>
public readonly record struct ContextPiece(ContextMarker? Marker, string Text);

/// <summary>
/// How repository context (<see cref="InfillRequest.Extra"/>) goes in front of a FIM prompt, as llama.cpp's server lays
/// out <c>input_extra</c>: for a family trained on repository-level prompts (one with FIM_SEP: StarCoder2,
/// Qwen2.5-Coder) <c>[FIM_REP] myproject\n</c> when it has FIM_REP, then <c>[FIM_SEP] name\n text</c> per chunk and
/// <c>[FIM_SEP] filename\n</c> for the current file; for the others each chunk headed <c>\n\n--- snippet ---\n\n</c>.
/// Both the text formats of OpenAI-style servers and the in-process token prompt read this one description.
/// </summary>
public static class RepositoryContext
{
    private const string Project = "myproject\n";
    private const string CurrentFile = "filename\n";
    private const string SnippetSeparator = "\n\n--- snippet ---\n\n";

    // llama.cpp's name for a chunk that comes without one.
    private const string UnnamedFile = "tmp";

    /// <summary>The pieces for <paramref name="chunks"/>; none when there are no chunks.</summary>
    /// <param name="chunks">The repository context.</param>
    /// <param name="hasRepository">Whether the family has FIM_REP.</param>
    /// <param name="hasFileSeparator">Whether the family has FIM_SEP, which makes the context repository-level.</param>
    /// <returns>The pieces in prompt order.</returns>
    public static IEnumerable<ContextPiece> Layout(IReadOnlyList<InfillChunk> chunks, bool hasRepository, bool hasFileSeparator)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return chunks.Count == 0 ? [] : hasFileSeparator ? RepositoryLevel(chunks, hasRepository) : Snippets(chunks);
    }

    /// <summary>
    /// The chunks in repository context a client wrote as text before a FIM prompt's prefix marker: the inverse of
    /// <see cref="Layout"/> with the markers written as text. Text in neither layout (a client's own heading, such as
    /// <c>Context:</c>) is one chunk of its own, so nothing the client sent is dropped.
    /// </summary>
    /// <param name="text">Everything before the prefix marker.</param>
    /// <param name="repository">The family's FIM_REP marker text, or null.</param>
    /// <param name="fileSeparator">The family's FIM_SEP marker text, or null.</param>
    /// <returns>The chunks with text, in order; file names are known only in the repository-level layout.</returns>
    public static IReadOnlyList<InfillChunk> Read(string text, string? repository, string? fileSeparator)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (fileSeparator is not null && text.Contains(fileSeparator, StringComparison.Ordinal))
        {
            var files = text.Split(fileSeparator);
            var chunks = new List<InfillChunk>();
            var head = files[0];
            if (repository is not null && head.StartsWith(repository, StringComparison.Ordinal))
            {
                // The repository's name line ("myproject\n") names nothing in the request.
                var end = head.IndexOf('\n', StringComparison.Ordinal);
                head = end < 0 ? string.Empty : head[(end + 1)..];
            }

            chunks.Add(new InfillChunk(UnnamedFile, head));
            foreach (var file in files[1..])
            {
                var end = file.IndexOf('\n', StringComparison.Ordinal);
                chunks.Add(end < 0 ? new InfillChunk(file, string.Empty) : new InfillChunk(file[..end], file[(end + 1)..]));
            }

            // The last separator heads the current file ("filename\n"), which has no text of its own.
            return [.. chunks.Where(chunk => chunk.Text.Length > 0)];
        }

        return [.. text.Split(SnippetSeparator).Where(piece => piece.Length > 0).Select(piece => new InfillChunk(UnnamedFile, piece))];
    }

    private static IEnumerable<ContextPiece> RepositoryLevel(IReadOnlyList<InfillChunk> chunks, bool hasRepository)
    {
        if (hasRepository)
        {
            yield return new ContextPiece(ContextMarker.Repository, string.Empty);
            yield return new ContextPiece(null, Project);
        }

        foreach (var chunk in chunks)
        {
            yield return new ContextPiece(ContextMarker.FileSeparator, string.Empty);
            yield return new ContextPiece(null, chunk.FileName + "\n");
            yield return new ContextPiece(null, chunk.Text);
        }

        yield return new ContextPiece(ContextMarker.FileSeparator, string.Empty);
        yield return new ContextPiece(null, CurrentFile);
    }

    private static IEnumerable<ContextPiece> Snippets(IReadOnlyList<InfillChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            yield return new ContextPiece(null, SnippetSeparator);
            yield return new ContextPiece(null, chunk.Text);
        }
    }
}
