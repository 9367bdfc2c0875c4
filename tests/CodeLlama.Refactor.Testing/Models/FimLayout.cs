namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// The special tokens of one FIM family, as its GGUF conversions name them, for a test vocabulary: they sit at the ids
/// of Code Llama's infill tokens (32007–32010), with FIM_PAD/FIM_REP/FIM_SEP after them (32011–32013), so that every
/// layout shares the scripted model's wiring and only the names and the metadata differ.
/// </summary>
/// <param name="Family">A name for test output.</param>
/// <param name="Prefix">FIM_PRE's text.</param>
/// <param name="Suffix">FIM_SUF's text.</param>
/// <param name="Middle">FIM_MID's text.</param>
/// <param name="End">The token that ends an infill (EOT).</param>
/// <param name="Pad">FIM_PAD's text, or null.</param>
/// <param name="Repository">FIM_REP's text, or null.</param>
/// <param name="FileSeparator">FIM_SEP's text, or null.</param>
/// <param name="AddBos">tokenizer.ggml.add_bos_token.</param>
/// <param name="DeclareIds">True to write tokenizer.ggml.fim_*_token_id, as recent conversions do; false leaves llama.cpp to find the tokens by their text.</param>
public sealed record FimLayout(
    string Family,
    string Prefix,
    string Suffix,
    string Middle,
    string End,
    string? Pad = null,
    string? Repository = null,
    string? FileSeparator = null,
    bool AddBos = true,
    bool DeclareIds = false)
{
    /// <summary>FIM_PAD's id.</summary>
    public const int PadId = 32011;

    /// <summary>FIM_REP's id.</summary>
    public const int RepositoryId = 32012;

    /// <summary>FIM_SEP's id.</summary>
    public const int FileSeparatorId = 32013;

    /// <summary>Code Llama: ▁&lt;PRE&gt; ▁&lt;SUF&gt; ▁&lt;MID&gt; ▁&lt;EOT&gt;, BOS first, found by text.</summary>
    public static FimLayout CodeLlama { get; } = new("Code Llama", "▁<PRE>", "▁<SUF>", "▁<MID>", "▁<EOT>");

    /// <summary>StarCoder2: &lt;fim_prefix&gt;…, with &lt;fim_pad&gt;, &lt;repo_name&gt; and &lt;file_sep&gt;; no BOS.</summary>
    public static FimLayout StarCoder2 { get; } = new(
        "StarCoder2", "<fim_prefix>", "<fim_suffix>", "<fim_middle>", "<|endoftext|>", "<fim_pad>", "<repo_name>", "<file_sep>", AddBos: false, DeclareIds: true);

    /// <summary>CodeGemma: &lt;|fim_prefix|&gt;…, &lt;|file_separator|&gt; as FIM_SEP, BOS first.</summary>
    public static FimLayout CodeGemma { get; } = new(
        "CodeGemma", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<end_of_turn>", FileSeparator: "<|file_separator|>", DeclareIds: true);

    /// <summary>DeepSeek-Coder: &lt;｜fim▁begin｜&gt; &lt;｜fim▁hole｜&gt; &lt;｜fim▁end｜&gt;, BOS first.</summary>
    public static FimLayout DeepSeekCoder { get; } = new(
        "DeepSeek-Coder", "<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", "<|EOT|>", DeclareIds: true);

    /// <summary>Qwen2.5-Coder: &lt;|fim_prefix|&gt;…, &lt;|fim_pad|&gt;, &lt;|repo_name|&gt;, &lt;|file_sep|&gt;; no BOS; found by text.</summary>
    public static FimLayout Qwen25Coder { get; } = new(
        "Qwen2.5-Coder", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|endoftext|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>", AddBos: false);

    /// <inheritdoc/>
    public override string ToString() => Family;
}
