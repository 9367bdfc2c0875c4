namespace CodeLlama.Refactor.Inference;

/// <summary>
/// What a server reports about an in-process model beyond <see cref="IInfillModel"/>, for llama.cpp's
/// <c>/tokenize</c>, <c>/detokenize</c>, <c>/slots</c>, <c>/props</c> and <c>/metrics</c>.
/// </summary>
public interface IServedModel
{
    /// <summary>How many tokens the vocabulary holds; valid ids are below it.</summary>
    int VocabularySize { get; }

    /// <summary>The GGUF's chat template (tokenizer.chat_template); null when it has none.</summary>
    string? ChatTemplate { get; }

    /// <summary>
    /// A conversation as the prompt text the model is given: through the GGUF's chat template, or ChatML for a GGUF
    /// without one (as llama.cpp's server falls back to), with the assistant's turn opened.
    /// </summary>
    /// <param name="turns">The turns.</param>
    /// <returns>The prompt text.</returns>
    string ApplyTemplate(IReadOnlyList<ChatTurn> turns);

    /// <summary>Tokenizes text as llama.cpp's server does.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="addSpecial">Adds BOS where the model's GGUF says to.</param>
    /// <param name="parseSpecial">Reads special tokens written as text (<c>&lt;PRE&gt;</c>) as those tokens.</param>
    /// <returns>The token ids.</returns>
    IReadOnlyList<int> Tokenize(string text, bool addSpecial, bool parseSpecial);

    /// <summary>The text of one token as UTF-8 bytes (special tokens as their text).</summary>
    /// <param name="token">A token id below <see cref="VocabularySize"/>.</param>
    /// <returns>Its bytes.</returns>
    byte[] TokenBytes(int token);

    /// <summary>The text of a token sequence.</summary>
    /// <param name="tokens">Token ids below <see cref="VocabularySize"/>.</param>
    /// <returns>Its text.</returns>
    string Detokenize(IReadOnlyList<int> tokens);

    /// <summary>What each slot is doing now.</summary>
    /// <returns>One entry per slot.</returns>
    IReadOnlyList<SlotState> SlotStates();

    /// <summary>Requests waiting for a free slot.</summary>
    int Deferred { get; }

    /// <summary>How a request that says nothing about sampling is sampled.</summary>
    SamplingSettings Sampling { get; }
}

/// <summary>One engine slot as <c>/slots</c> shows it.</summary>
/// <param name="Id">The slot's number.</param>
/// <param name="IsProcessing">True while a request runs in it.</param>
/// <param name="CachedTokens">Prompt tokens it holds in the KV cache for the next request.</param>
/// <param name="Decoded">Tokens generated so far by the request in it (its first candidate).</param>
/// <param name="Remaining">Tokens the request in it may still generate; -1 when idle.</param>
public sealed record SlotState(int Id, bool IsProcessing, int CachedTokens, int Decoded, int Remaining);
