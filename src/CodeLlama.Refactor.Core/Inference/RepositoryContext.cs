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
