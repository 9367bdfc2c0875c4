using CodeLlama.Refactor.Inference;
using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Builds an infill prompt from token ids in the model's own FIM format, never by parsing special tokens out of text,
/// as llama.cpp's server lays it out:
/// <c>[BOS if the GGUF adds one] + context + [FIM_PRE] + tok(prefix) + [FIM_SUF] + tok(suffix) + [FIM_MID] + tok(typed)</c>.
/// Repository context goes in as <see cref="RepositoryContext"/> lays it out, markers as the model's FIM_REP and FIM_SEP
/// tokens. The family's rules come from its <see cref="FimFamilyDescriptor"/>, found by the FIM_PRE token's text: the
/// order of the parts, and whether the suffix and the typed text lose the space SentencePiece puts in front of a text
/// (Code Llama: Meta's <c>encode_infilling</c>).
/// </summary>
internal sealed class FimPrompt
{
    // Meta's reference tokenizes the suffix after this character and drops what it became, so that the suffix does not
    // get the word-start space SentencePiece puts in front of a text.
    private const string Sentinel = "☺";

    private readonly LLamaWeights weights;
    private readonly LLamaToken[] sentinelTokens;

    /// <summary>Reads the special token ids from the model's vocabulary.</summary>
    /// <param name="weights">The loaded model.</param>
    /// <exception cref="InvalidOperationException">The vocabulary lacks an infill token.</exception>
    public FimPrompt(LLamaWeights weights)
    {
        this.weights = weights;
        var vocabulary = weights.Vocab;
        Bos = vocabulary.ShouldAddBOS ? vocabulary.BOS : null;
        Prefix = vocabulary.InfillPrefix ?? throw new InvalidOperationException("The vocabulary has no infill prefix token.");
        Suffix = vocabulary.InfillSuffix ?? throw new InvalidOperationException("The vocabulary has no infill suffix token.");
        Middle = vocabulary.InfillMiddle ?? throw new InvalidOperationException("The vocabulary has no infill middle token.");
        Repository = vocabulary.InfillRep;
        FileSeparator = vocabulary.InfillSep;
        Family = FimFamilyDescriptor.ByPrefixToken(vocabulary.LLamaTokenToString(Prefix, isSpecialToken: true));
        sentinelTokens = Tokenize(Sentinel);
    }

    /// <summary>BOS, when the GGUF says to add one (tokenizer.ggml.add_bos_token); null when not.</summary>
    public LLamaToken? Bos { get; }

    /// <summary>FIM_PRE.</summary>
    public LLamaToken Prefix { get; }

    /// <summary>FIM_SUF.</summary>
    public LLamaToken Suffix { get; }

    /// <summary>FIM_MID; the model writes the gap after it.</summary>
    public LLamaToken Middle { get; }

    /// <summary>FIM_REP, which opens repository context, when the model has one.</summary>
    public LLamaToken? Repository { get; }

    /// <summary>FIM_SEP, which opens each file of repository context, when the model has one.</summary>
    public LLamaToken? FileSeparator { get; }

    /// <summary>The family whose FIM_PRE token the vocabulary has; null for one the project does not know (prompted as llama.cpp does).</summary>
    public FimFamilyDescriptor? Family { get; }

    /// <summary>The prompt for the gap between <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    /// <param name="prefix">The text before the gap.</param>
    /// <param name="suffix">The text after it.</param>
    /// <returns>The token ids.</returns>
    public LLamaToken[] Build(string prefix, string suffix) => Build(new InfillRequest(prefix, suffix));

    /// <summary>The prompt for <paramref name="request"/>: its context chunks, prefix, suffix and typed text.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The token ids.</returns>
    public LLamaToken[] Build(InfillRequest request)
    {
        var tokens = new List<LLamaToken>();
        if (Bos is { } bos)
        {
            tokens.Add(bos);
        }

        tokens.AddRange(Context(request.Extra));
        var withoutWordStart = Family?.SuffixWithoutWordStart ?? false;
        LLamaToken[] prefix = [Prefix, .. Tokenize(request.Prefix)];
        LLamaToken[] suffix = [Suffix, .. (withoutWordStart ? TokenizeInfill(request.Suffix) : Tokenize(request.Suffix))];
        LLamaToken[] parts = Family?.Order == FimOrder.SuffixPrefixMiddle ? [.. suffix, .. prefix] : [.. prefix, .. suffix];
        tokens.AddRange(parts);
        tokens.Add(Middle);
        tokens.AddRange(withoutWordStart ? TokenizeInfill(request.Typed) : Tokenize(request.Typed));
        return [.. tokens];
    }

    /// <summary>Tokenizes <paramref name="text"/> as plain text (SentencePiece adds its word-start space in front).</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The token ids.</returns>
    public LLamaToken[] Tokenize(string text) =>
        text.Length == 0 ? [] : weights.Tokenize(text, add_bos: false, special: false, System.Text.Encoding.UTF8);

    /// <summary>Tokenizes <paramref name="text"/> without the word-start space, as Meta's <c>encode_infilling</c> does.</summary>
    /// <param name="text">The suffix.</param>
    /// <returns>The token ids.</returns>
    public LLamaToken[] TokenizeInfill(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = Tokenize(Sentinel + text);
        if (tokens.AsSpan().StartsWith(sentinelTokens))
        {
            return tokens[sentinelTokens.Length..];
        }

        // The sentinel merged with the text: drop a lone leading space token instead.
        var plain = Tokenize(text);
        return plain.Length > 0 && weights.Vocab.LLamaTokenToString(plain[0], isSpecialToken: false) == " " ? plain[1..] : plain;
    }

    private IEnumerable<LLamaToken> Context(IReadOnlyList<InfillChunk> chunks) =>
        RepositoryContext.Layout(chunks, Repository is not null, FileSeparator is not null).SelectMany(piece => piece.Marker switch
        {
            ContextMarker.Repository => [Repository!.Value],
            ContextMarker.FileSeparator => [FileSeparator!.Value],
            _ => Tokenize(piece.Text),
        });
}
