namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// A vocabulary in Code Llama's layout: 32,016 tokens, &lt;unk&gt;/&lt;s&gt;/&lt;/s&gt; at 0–2, the 256 byte tokens
/// from 3, and the infill tokens ▁&lt;PRE&gt; ▁&lt;SUF&gt; ▁&lt;MID&gt; ▁&lt;EOT&gt; at 32007–32010. Between them: "▁",
/// "☺", one token per printable ASCII character, then any extra pieces, then unused fillers.
/// </summary>
public sealed class CodeLlamaVocabulary
{
    /// <summary>Code Llama's vocabulary size.</summary>
    public const int Size = 32016;

    /// <summary>&lt;s&gt;.</summary>
    public const int Bos = 1;

    /// <summary>&lt;/s&gt;.</summary>
    public const int Eos = 2;

    /// <summary>▁&lt;PRE&gt;.</summary>
    public const int Prefix = 32007;

    /// <summary>▁&lt;SUF&gt;.</summary>
    public const int Suffix = 32008;

    /// <summary>▁&lt;MID&gt;.</summary>
    public const int Middle = 32009;

    /// <summary>▁&lt;EOT&gt;.</summary>
    public const int EndOfText = 32010;

    /// <summary>The id of "▁", the word-start marker on its own.</summary>
    public const int Space = 259;

    private const int TypeNormal = 1;
    private const int TypeUnknown = 2;
    private const int TypeControl = 3;
    private const int TypeByte = 6;

    private readonly List<string> tokens = [];
    private readonly List<int> types = [];

    /// <summary>Builds the vocabulary.</summary>
    /// <param name="extraPieces">Pieces to add after the characters (each must be new); their ids are returned in order.</param>
    /// <param name="withInfillTokens">False to leave the infill slots as unused tokens (a model that cannot infill).</param>
    /// <param name="layout">The FIM family whose token names fill the infill slots; null for Code Llama's.</param>
    public CodeLlamaVocabulary(IReadOnlyList<string> extraPieces, bool withInfillTokens = true, FimLayout? layout = null)
    {
        Layout = layout ?? FimLayout.CodeLlama;
        Add("<unk>", TypeUnknown);
        Add("<s>", TypeControl);
        Add("</s>", TypeControl);
        for (var value = 0; value < 256; value++)
        {
            Add($"<0x{value:X2}>", TypeByte);
        }

        Add("▁", TypeNormal);
        Add("☺", TypeNormal);
        for (var character = '!'; character <= '~'; character++)
        {
            Add(character.ToString(), TypeNormal);
        }

        var known = tokens.ToHashSet(StringComparer.Ordinal);
        var ids = new List<int>();
        foreach (var piece in extraPieces)
        {
            if (!known.Add(piece))
            {
                throw new ArgumentException($"The piece '{piece}' is already in the vocabulary.", nameof(extraPieces));
            }

            ids.Add(tokens.Count);
            Add(piece, TypeNormal);
        }

        PieceIds = ids;
        while (tokens.Count < Prefix)
        {
            Add($"<unused{tokens.Count}>", TypeNormal);
        }

        foreach (var name in new[] { Layout.Prefix, Layout.Suffix, Layout.Middle, Layout.End, Layout.Pad, Layout.Repository, Layout.FileSeparator })
        {
            if (withInfillTokens && name is not null)
            {
                Add(name, TypeControl);
            }
            else
            {
                Add($"<unused{tokens.Count}>", TypeNormal);
            }
        }

        while (tokens.Count < Size)
        {
            Add($"<unused{tokens.Count}>", TypeNormal);
        }
    }

    /// <summary>The FIM family whose names the infill slots carry.</summary>
    public FimLayout Layout { get; }

    /// <summary>The ids of the extra pieces, in the order given.</summary>
    public IReadOnlyList<int> PieceIds { get; }

    /// <summary>Every token's text.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>Every token's type (llama.cpp's numbering).</summary>
    public IReadOnlyList<int> Types => types;

    /// <summary>Scores for SentencePiece merges: earlier tokens merge first.</summary>
    public IReadOnlyList<float> Scores => Enumerable.Range(0, tokens.Count).Select(id => -(float)id).ToList();

    /// <summary>The id of a single printable ASCII character's token.</summary>
    /// <param name="character">A character from '!' to '~'.</param>
    /// <returns>Its id.</returns>
    public static int CharacterId(char character) => 261 + (character - '!');

    /// <summary>Writes the tokenizer keys of this vocabulary.</summary>
    /// <param name="writer">The file being written.</param>
    public void WriteTo(GgufWriter writer)
    {
        writer
        .String("tokenizer.ggml.model", "llama")
        .Strings("tokenizer.ggml.tokens", tokens)
        .Floats("tokenizer.ggml.scores", Scores)
        .Ints("tokenizer.ggml.token_type", types)
        .UInt32("tokenizer.ggml.bos_token_id", Bos)
        .UInt32("tokenizer.ggml.eos_token_id", Eos)
        .UInt32("tokenizer.ggml.unknown_token_id", 0)
        .Bool("tokenizer.ggml.add_bos_token", Layout.AddBos)
        .Bool("tokenizer.ggml.add_eos_token", false);
        if (Layout.DeclareIds && types[Prefix] == TypeControl)
        {
            writer
                .UInt32("tokenizer.ggml.fim_pre_token_id", Prefix)
                .UInt32("tokenizer.ggml.fim_suf_token_id", Suffix)
                .UInt32("tokenizer.ggml.fim_mid_token_id", Middle)
                .UInt32("tokenizer.ggml.eot_token_id", EndOfText);
            foreach (var (key, name, id) in new[]
            {
                ("pad", Layout.Pad, FimLayout.PadId), ("rep", Layout.Repository, FimLayout.RepositoryId), ("sep", Layout.FileSeparator, FimLayout.FileSeparatorId),
            })
            {
                if (name is not null)
                {
                    writer.UInt32($"tokenizer.ggml.fim_{key}_token_id", (uint)id);
                }
            }
        }
    }

    private void Add(string text, int type)
    {
        tokens.Add(text);
        types.Add(type);
    }
}
