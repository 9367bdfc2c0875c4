using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Builds an infill prompt as Code Llama was trained, from token ids, never by parsing special tokens out of text:
/// <c>[BOS, PRE] + tok(prefix) + [SUF] + tok_infill(suffix) + [MID]</c>.
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
        Bos = vocabulary.BOS ?? throw new InvalidOperationException("The vocabulary has no BOS token.");
        Prefix = vocabulary.InfillPrefix ?? throw new InvalidOperationException("The vocabulary has no infill prefix token.");
        Suffix = vocabulary.InfillSuffix ?? throw new InvalidOperationException("The vocabulary has no infill suffix token.");
        Middle = vocabulary.InfillMiddle ?? throw new InvalidOperationException("The vocabulary has no infill middle token.");
        sentinelTokens = Tokenize(Sentinel);
    }

    /// <summary>&lt;s&gt;.</summary>
    public LLamaToken Bos { get; }

    /// <summary>The infill prefix token.</summary>
    public LLamaToken Prefix { get; }

    /// <summary>The infill suffix token.</summary>
    public LLamaToken Suffix { get; }

    /// <summary>The infill middle token; the model writes the gap after it.</summary>
    public LLamaToken Middle { get; }

    /// <summary>The prompt for the gap between <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    /// <param name="prefix">The text before the gap.</param>
    /// <param name="suffix">The text after it.</param>
    /// <returns>The token ids.</returns>
    public LLamaToken[] Build(string prefix, string suffix) =>
        [Bos, Prefix, .. Tokenize(prefix), Suffix, .. TokenizeInfill(suffix), Middle];

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
}
