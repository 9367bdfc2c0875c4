namespace CodeLlama.Refactor.Inference;

/// <summary>The order in which a FIM prompt holds the text around the gap.</summary>
public enum FimOrder
{
    /// <summary>PSM: prefix marker, prefix, suffix marker, suffix, middle marker (every family this project knows).</summary>
    PrefixSuffixMiddle,

    /// <summary>SPM: suffix marker, suffix, prefix marker, prefix, middle marker (llama.cpp's <c>--spm-infill</c>).</summary>
    SuffixPrefixMiddle,
}

/// <summary>
/// What the project knows about one FIM family, in one place: its markers as text (for a server that tokenizes the
/// prompt itself; an in-process model finds the same tokens in the GGUF's vocabulary), the order of the parts, the
/// texts that end a completion, the repository-context markers, whether the suffix loses SentencePiece's word-start
/// space (Meta's <c>encode_infilling</c> for Code Llama), and the end-of-text token that older GGUFs of the family do not
/// name. The in-process prompt, the text format, the server's reader of FIM prompts and the command line's
/// <c>--fim-format</c> all read it: a new family is a new entry in <see cref="All"/>, and nothing else.
/// </summary>
/// <param name="Name">The family's name, as <c>--fim-format</c> (lower-cased) and the bench export spell it.</param>
/// <param name="Prefix">The marker before the prefix, with the spaces the family's training put around it.</param>
/// <param name="Suffix">The marker before the suffix.</param>
/// <param name="Middle">The marker after which the model writes the gap.</param>
/// <param name="Stops">Texts that end a completion.</param>
public sealed record FimFamilyDescriptor(string Name, string Prefix, string Suffix, string Middle, IReadOnlyList<string> Stops)
{
    /// <summary>The models of the family, for help texts.</summary>
    public string Models { get; init; } = Name;

    /// <summary>The order of the parts.</summary>
    public FimOrder Order { get; init; }

    /// <summary>The marker that opens repository context, for a family that has one.</summary>
    public string? Repository { get; init; }

    /// <summary>The marker that opens each file of repository context, for a family that has one.</summary>
    public string? FileSeparator { get; init; }

    /// <summary>True when the suffix (and the typed text) is tokenized without SentencePiece's word-start space.</summary>
    public bool SuffixWithoutWordStart { get; init; }

    /// <summary>The end-of-text token to supply to a GGUF of this family that does not name one; null when none is needed.</summary>
    public EndOfTextOverride? EndOfText { get; init; }

    /// <summary>Code Llama: <c>&lt;PRE&gt; prefix &lt;SUF&gt;suffix &lt;MID&gt;</c>, ends at <c>&lt;EOT&gt;</c>.</summary>
    public static FimFamilyDescriptor CodeLlama { get; } = new("CodeLlama", "<PRE> ", " <SUF>", " <MID>", ["<EOT>"])
    {
        Models = "Code Llama",
        SuffixWithoutWordStart = true,
        EndOfText = new EndOfTextOverride(VocabularySize: 32016, Id: 32010, Piece: "▁<EOT>"),
    };

    /// <summary>StarCoder and StarCoder2: <c>&lt;fim_prefix&gt;…&lt;fim_suffix&gt;…&lt;fim_middle&gt;</c>, with repository context.</summary>
    public static FimFamilyDescriptor StarCoder { get; } = new("StarCoder", "<fim_prefix>", "<fim_suffix>", "<fim_middle>", ["<|endoftext|>", "<file_sep>"])
    {
        Models = "StarCoder, StarCoder2",
        Repository = "<repo_name>",
        FileSeparator = "<file_sep>",
    };

    /// <summary>CodeGemma: <c>&lt;|fim_prefix|&gt;…&lt;|fim_suffix|&gt;…&lt;|fim_middle|&gt;</c>, ends at <c>&lt;|file_separator|&gt;</c>.</summary>
    public static FimFamilyDescriptor CodeGemma { get; } = new("CodeGemma", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", ["<|file_separator|>", "<eos>"]);

    /// <summary>Qwen2.5-Coder: CodeGemma's markers, ends at <c>&lt;|endoftext|&gt;</c> or <c>&lt;|fim_pad|&gt;</c>, with repository context.</summary>
    public static FimFamilyDescriptor Qwen { get; } = new("Qwen", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", ["<|endoftext|>", "<|fim_pad|>", "<|file_sep|>"])
    {
        Models = "Qwen2.5-Coder",
        Repository = "<|repo_name|>",
        FileSeparator = "<|file_sep|>",
    };

    /// <summary>DeepSeek-Coder: <c>&lt;｜fim▁begin｜&gt;…&lt;｜fim▁hole｜&gt;…&lt;｜fim▁end｜&gt;</c>.</summary>
    public static FimFamilyDescriptor DeepSeek { get; } = new("DeepSeek", "<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", ["<｜end▁of▁sentence｜>", "<|EOT|>"])
    {
        Models = "DeepSeek-Coder",
    };

    /// <summary>Every family, Code Llama (the default) first.</summary>
    public static IReadOnlyList<FimFamilyDescriptor> All { get; } = [CodeLlama, StarCoder, CodeGemma, Qwen, DeepSeek];

    /// <summary>The family named <paramref name="name"/>, in any case.</summary>
    /// <param name="name">A family's <see cref="Name"/>.</param>
    /// <returns>Its descriptor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No family has that name.</exception>
    public static FimFamilyDescriptor For(string name) =>
        All.FirstOrDefault(descriptor => string.Equals(descriptor.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown FIM family.");

    /// <summary>
    /// The family whose prefix marker a GGUF's FIM_PRE token spells (SentencePiece's '▁' and spaces aside); null for a
    /// family the project does not know, which is then prompted as llama.cpp's server prompts it. Families that share
    /// markers (CodeGemma, Qwen) share every rule the prompt reads.
    /// </summary>
    /// <param name="token">The FIM_PRE token's text.</param>
    /// <returns>The family, or null.</returns>
    public static FimFamilyDescriptor? ByPrefixToken(string? token)
    {
        var text = token?.Trim('▁', ' ');
        return text is null ? null : All.FirstOrDefault(descriptor => descriptor.Prefix.Trim() == text);
    }
}

/// <summary>An end-of-text token to supply (tokenizer.ggml.eot_token_id) to a GGUF whose vocabulary has it but does not name it.</summary>
/// <param name="VocabularySize">The family's vocabulary size, which identifies its GGUFs.</param>
/// <param name="Id">The token's id.</param>
/// <param name="Piece">The token's text at that id.</param>
public sealed record EndOfTextOverride(int VocabularySize, int Id, string Piece);
