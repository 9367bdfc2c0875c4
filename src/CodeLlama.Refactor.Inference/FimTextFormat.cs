namespace CodeLlama.Refactor.Inference;

/// <summary>
/// A FIM prompt as text, in one family's markers (<see cref="FimFamilyDescriptor"/>), for an OpenAI-compatible server
/// whose tokenizer turns the markers into its special tokens (an in-process model builds the prompt from token ids instead).
/// </summary>
/// <param name="Family">The family's name (<see cref="FimFamilyDescriptor.Name"/>).</param>
/// <param name="Prefix">The marker before the prefix (Code Llama's includes the space its training put after it).</param>
/// <param name="Suffix">The marker before the suffix.</param>
/// <param name="Middle">The marker after which the model writes the gap.</param>
/// <param name="Stops">Texts that end the completion.</param>
/// <remarks>Repository context goes in front, laid out as <see cref="RepositoryContext"/> says, markers as text.</remarks>
public sealed record FimTextFormat(string Family, string Prefix, string Suffix, string Middle, IReadOnlyList<string> Stops)
{
    /// <summary>The marker that opens repository context, for a family that has one.</summary>
    public string? Repository { get; init; }

    /// <summary>The marker that opens each file of repository context, for a family that has one.</summary>
    public string? FileSeparator { get; init; }

    /// <summary>The order of the parts.</summary>
    public FimOrder Order { get; init; }

    /// <summary>Code Llama's format.</summary>
    public static FimTextFormat CodeLlama { get; } = For(FimFamilyDescriptor.CodeLlama);

    /// <summary>The format of the family named <paramref name="family"/> (<see cref="FimFamilyDescriptor.For"/>).</summary>
    /// <param name="family">The family's name.</param>
    /// <returns>Its markers and stops.</returns>
    public static FimTextFormat For(string family) => For(FimFamilyDescriptor.For(family));

    /// <summary>The format <paramref name="descriptor"/> gives.</summary>
    /// <param name="descriptor">The family.</param>
    /// <returns>Its markers and stops.</returns>
    public static FimTextFormat For(FimFamilyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(descriptor.Name, descriptor.Prefix, descriptor.Suffix, descriptor.Middle, descriptor.Stops)
        {
            Repository = descriptor.Repository,
            FileSeparator = descriptor.FileSeparator,
            Order = descriptor.Order,
        };
    }

    /// <summary>The prompt for the gap between <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    /// <param name="prefix">The text before the gap.</param>
    /// <param name="suffix">The text after it.</param>
    /// <returns>The prompt text.</returns>
    public string Render(string prefix, string suffix) => Order == FimOrder.PrefixSuffixMiddle
        ? Prefix + prefix + Suffix + suffix + Middle
        : Suffix + suffix + Prefix + prefix + Middle;

    /// <summary>The prompt for <paramref name="request"/>: its repository context, prefix, suffix and typed text.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The prompt text.</returns>
    public string Render(InfillRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Context(request.Extra) + Render(request.Prefix, request.Suffix) + request.Typed;
    }

    /// <summary>The texts that end a completion of <paramref name="request"/>: the format's and the request's own.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The stop texts, each once.</returns>
    public IReadOnlyList<string> StopsFor(InfillRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. Stops.Concat(request.Stop).Where(stop => stop.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The repository context a client wrote as text in this format before the prefix marker.</summary>
    /// <param name="text">Everything before the prefix marker.</param>
    /// <returns>Its chunks (<see cref="RepositoryContext.Read"/>).</returns>
    public IReadOnlyList<InfillChunk> ReadContext(string text) => RepositoryContext.Read(text, Repository, FileSeparator);

    private string Context(IReadOnlyList<InfillChunk> chunks) => string.Concat(
        RepositoryContext.Layout(chunks, Repository is not null, FileSeparator is not null).Select(piece => piece.Marker switch
        {
            ContextMarker.Repository => Repository,
            ContextMarker.FileSeparator => FileSeparator,
            _ => piece.Text,
        }));
}
