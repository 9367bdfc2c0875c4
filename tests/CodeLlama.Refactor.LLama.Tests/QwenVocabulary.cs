using System.IO.Compression;
using System.Text;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// Writes Qwen2.5-Coder's real tokenizer as a vocabulary-only GGUF, once for the tests that share it, the way llama.cpp's
/// converter writes it (tokenizer.ggml.model "gpt2", pre "qwen2"), from Qwen2's merge list (Vocabularies/
/// qwen2-merges.txt.gz, Apache-2.0, see NOTICE-Qwen2.md) and the special tokens of Qwen2.5-Coder's tokenizer_config.json.
/// The vocabulary is not stored: Qwen2's vocab.json is the 256 byte tokens followed by each merge's result, in order.
/// </summary>
public sealed class QwenVocabulary : IDisposable
{
    /// <summary>&lt;|endoftext|&gt;: EOS, padding and the end of an infill.</summary>
    public const int EndOfText = 151643;

    /// <summary>&lt;|fim_prefix|&gt;.</summary>
    public const int Prefix = 151659;

    /// <summary>&lt;|fim_middle|&gt;.</summary>
    public const int Middle = 151660;

    /// <summary>&lt;|fim_suffix|&gt;.</summary>
    public const int Suffix = 151661;

    /// <summary>&lt;|fim_pad|&gt;.</summary>
    public const int Pad = 151662;

    /// <summary>&lt;|repo_name|&gt;.</summary>
    public const int Repository = 151663;

    /// <summary>&lt;|file_sep|&gt;.</summary>
    public const int FileSeparator = 151664;

    // Qwen2.5-Coder's config.json: the embedding has room for 151,936 tokens, more than the tokenizer fills.
    private const int VocabularySize = 151936;

    private const int Normal = 1;
    private const int Control = 3;
    private const int UserDefined = 4;
    private const int Unused = 5;

    // tokenizer_config.json's added_tokens_decoder of Qwen2.5-Coder: id, text, "special".
    private static readonly (int Id, string Text, bool Special)[] AddedTokens =
    [
        (151643, "<|endoftext|>", true),
        (151644, "<|im_start|>", true),
        (151645, "<|im_end|>", true),
        (151646, "<|object_ref_start|>", true),
        (151647, "<|object_ref_end|>", true),
        (151648, "<|box_start|>", true),
        (151649, "<|box_end|>", true),
        (151650, "<|quad_start|>", true),
        (151651, "<|quad_end|>", true),
        (151652, "<|vision_start|>", true),
        (151653, "<|vision_end|>", true),
        (151654, "<|vision_pad|>", true),
        (151655, "<|image_pad|>", true),
        (151656, "<|video_pad|>", true),
        (151657, "<tool_call>", false),
        (151658, "</tool_call>", false),
        (151659, "<|fim_prefix|>", false),
        (151660, "<|fim_middle|>", false),
        (151661, "<|fim_suffix|>", false),
        (151662, "<|fim_pad|>", false),
        (151663, "<|repo_name|>", false),
        (151664, "<|file_sep|>", false),
    ];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-qwen-" + Guid.NewGuid().ToString("N")[..8]);

    public QwenVocabulary()
    {
        Directory.CreateDirectory(folder);
        GgufPath = Path.Combine(folder, "qwen2.5-coder-vocab.gguf");
        Write(GgufPath);
    }

    /// <summary>The GGUF.</summary>
    public string GgufPath { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void Write(string path)
    {
        var merges = Merges();
        var tokens = new List<string>(VocabularySize);
        var types = new List<int>(VocabularySize);
        tokens.AddRange(ByteCharacters().Select(character => character.ToString()));
        tokens.AddRange(merges.Select(merge => merge.Replace(" ", string.Empty, StringComparison.Ordinal)));
        types.AddRange(Enumerable.Repeat(Normal, tokens.Count));
        foreach (var (id, text, special) in AddedTokens)
        {
            if (id != tokens.Count)
            {
                throw new InvalidOperationException($"Added token {text} belongs at {id}, the vocabulary has {tokens.Count} tokens.");
            }

            // llama.cpp's converter marks an added token CONTROL when the tokenizer calls it special or it looks like
            // one (<|…|>), USER_DEFINED otherwise: all FIM tokens are CONTROL, <tool_call> is not.
            tokens.Add(text);
            types.Add(special || (text.StartsWith("<|", StringComparison.Ordinal) && text.EndsWith("|>", StringComparison.Ordinal)) ? Control : UserDefined);
        }

        for (var id = tokens.Count; id < VocabularySize; id++)
        {
            tokens.Add($"[PAD{id}]");
            types.Add(Unused);
        }

        // Qwen2.5-Coder-1.5B's shape; llama.cpp reads the architecture's hyperparameters even for a vocabulary.
        new GgufWriter()
            .String("general.architecture", "qwen2")
            .String("general.name", "Qwen2.5-Coder vocabulary")
            .UInt32("qwen2.block_count", 28)
            .UInt32("qwen2.context_length", 32768)
            .UInt32("qwen2.embedding_length", 1536)
            .UInt32("qwen2.feed_forward_length", 8960)
            .UInt32("qwen2.attention.head_count", 12)
            .UInt32("qwen2.attention.head_count_kv", 2)
            .Float32("qwen2.rope.freq_base", 1_000_000f)
            .Float32("qwen2.attention.layer_norm_rms_epsilon", 1e-6f)
            .String("tokenizer.ggml.model", "gpt2")
            .String("tokenizer.ggml.pre", "qwen2")
            .Strings("tokenizer.ggml.tokens", tokens)
            .Ints("tokenizer.ggml.token_type", types)
            .Strings("tokenizer.ggml.merges", merges)
            .UInt32("tokenizer.ggml.eos_token_id", EndOfText)
            .UInt32("tokenizer.ggml.padding_token_id", EndOfText)
            .UInt32("tokenizer.ggml.bos_token_id", EndOfText)
            .Bool("tokenizer.ggml.add_bos_token", false)
            .WriteTo(path);
    }

    private static List<string> Merges()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "qwen2-merges.txt.gz"));
        using var text = new StreamReader(new GZipStream(file, CompressionMode.Decompress), Encoding.UTF8);
        if (text.ReadLine() is not { } version || !version.StartsWith("#version", StringComparison.Ordinal))
        {
            throw new InvalidDataException("qwen2-merges.txt.gz does not start with merges.txt's version line.");
        }

        // One "left right" pair a line; ReadLine takes either line end, and a stray \r would silently break every merge.
        var merges = new List<string>();
        while (text.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                merges.Add(line);
            }
        }

        return merges;
    }

    // GPT-2's byte-to-character map in token order: the printable bytes stand for themselves, the rest (controls, space,
    // 0x7F–0xA0, 0xAD) take the characters from U+0100 on.
    private static IEnumerable<char> ByteCharacters()
    {
        static bool Printable(int value) => value is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;

        var printable = Enumerable.Range(0, 256).Where(Printable).Select(value => (char)value);
        var shifted = Enumerable.Range(0, 256).Where(value => !Printable(value)).Select((_, index) => (char)(256 + index));
        return printable.Concat(shifted);
    }
}
