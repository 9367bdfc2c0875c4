using System.Text;
using CodeLlama.Refactor.LLama.Gguf;
using CodeLlama.Refactor.Testing.Models;
using LLama;
using LLama.Common;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// The FIM prompt over real tokenizers: the vocabulary-only GGUFs of StarCoder2, DeepSeek-Coder and Llama 2 (SentencePiece,
/// Code Llama's base) that llama.cpp ships in models/, with the reference tokenizations (.inp/.out, written by the
/// models' own Hugging Face tokenizers) its tokenizer tests check against. The prompt's text tokens must match the
/// reference, and the FIM layout must put the family's own marker ids around them.
/// </summary>
public sealed class RealVocabularyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-vocab-" + Guid.NewGuid().ToString("N")[..8]);

    public RealVocabularyTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Code_llamas_prompt_is_metas_reference_layout_with_the_suffix_encoded_without_the_word_start_space()
    {
        using var weights = LoadFile(CodeLlamaTokenizer(Path.Combine(folder, "codellama-vocab.gguf")));
        var reference = Reference("llama-spm").ToDictionary(entry => entry.Text, entry => entry.Tokens);

        var tokens = new FimPrompt(weights).Build("Hello world", " Hello world").Select(token => (int)token);

        // Meta's encode_infilling tokenizes "☺" + suffix and drops what "☺" became: the suffix " Hello world" keeps its
        // own space as "▁Hello" (the reference's "Hello world"), without the word-start "▁" (29871) plain
        // tokenization puts in front (the reference's " Hello world").
        Assert.Equal([29871, .. reference["Hello world"]], reference[" Hello world"]);
        Assert.Equal(
            [CodeLlamaVocabulary.Bos, CodeLlamaVocabulary.Prefix, .. reference["Hello world"], CodeLlamaVocabulary.Suffix, .. reference["Hello world"], CodeLlamaVocabulary.Middle],
            tokens);
    }

    private const string Separator = "\n__ggml_vocab_test__\n";

    /// <summary>Family, file, FIM_PRE, FIM_SUF, FIM_MID and BOS (null where the GGUF adds none) as the real vocabularies hold them.</summary>
    public static TheoryData<string, int, int, int, int?> Families => new()
    {
        { "starcoder", 1, 3, 2, null },
        { "deepseek-coder", 32016, 32015, 32017, 32013 },
    };

    [Theory]
    [InlineData("starcoder")]
    [InlineData("deepseek-coder")]
    public void The_prompts_text_tokens_are_the_reference_tokenizers(string vocabulary)
    {
        using var weights = Load(vocabulary);
        var prompt = new FimPrompt(weights);

        foreach (var (text, expected) in Reference(vocabulary))
        {
            Assert.Equal(expected, prompt.Tokenize(text).Select(token => (int)token));
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void The_fim_prompt_is_the_familys_markers_around_the_reference_tokens(string vocabulary, int pre, int suf, int mid, int? bos)
    {
        using var weights = Load(vocabulary);
        var reference = Reference(vocabulary).ToDictionary(entry => entry.Text, entry => entry.Tokens);
        const string Prefix = " Hello, world!";
        const string Suffix = " this is 🦙.cpp";

        var tokens = new FimPrompt(weights).Build(Prefix, Suffix).Select(token => (int)token);

        int[] body = [pre, .. reference[Prefix], suf, .. reference[Suffix], mid];
        Assert.Equal(bos is { } id ? [id, .. body] : body, tokens);
    }

    private static LLamaWeights Load(string vocabulary) => LoadFile(Path.Combine(AppContext.BaseDirectory, "Vocabularies", $"ggml-vocab-{vocabulary}.gguf"));

    internal static LLamaWeights LoadFile(string path)
    {
        // The log callback can only be set before llama.cpp's first native call, which may be this one.
        NativeLog.Install();
        return LLamaWeights.LoadFromFile(new ModelParams(path) { VocabOnly = true, GpuLayerCount = 0 });
    }

    // Code Llama's tokenizer is Llama 2's (llama-spm) with 16 tokens added at 32000–32015, its infill tokens ▁<PRE>
    // ▁<SUF> ▁<MID> ▁<EOT> at 32007–32010. The other twelve never occur in a prompt built from ids; they are written
    // here as unused tokens.
    private static string CodeLlamaTokenizer(string path)
    {
        const int Control = 3;
        const int Unused = 5;
        var header = GgufHeader.Read(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "ggml-vocab-llama-spm.gguf"));
        var tokens = ((string[])header.Metadata["tokenizer.ggml.tokens"]).ToList();
        var scores = ((float[])header.Metadata["tokenizer.ggml.scores"]).ToList();
        var types = ((int[])header.Metadata["tokenizer.ggml.token_type"]).ToList();
        for (var id = tokens.Count; id < CodeLlamaVocabulary.Size; id++)
        {
            var infill = id switch
            {
                CodeLlamaVocabulary.Prefix => "▁<PRE>",
                CodeLlamaVocabulary.Suffix => "▁<SUF>",
                CodeLlamaVocabulary.Middle => "▁<MID>",
                CodeLlamaVocabulary.EndOfText => "▁<EOT>",
                _ => null,
            };
            tokens.Add(infill ?? $"<unused{id}>");
            scores.Add(0);
            types.Add(infill is null ? Unused : Control);
        }

        var writer = new GgufWriter();
        foreach (var (key, value) in header.Metadata.Where(entry => !entry.Key.StartsWith("tokenizer.ggml.", StringComparison.Ordinal) || entry.Value is not Array))
        {
            _ = value switch
            {
                string text => writer.String(key, text),
                uint number => writer.UInt32(key, key == "llama.vocab_size" ? CodeLlamaVocabulary.Size : number),
                float number => writer.Float32(key, number),
                bool flag => writer.Bool(key, flag),
                _ => throw new InvalidOperationException($"{key} has a type this copy does not write."),
            };
        }

        writer.Strings("tokenizer.ggml.tokens", tokens).Floats("tokenizer.ggml.scores", scores).Ints("tokenizer.ggml.token_type", types);
        writer.WriteTo(path);
        return path;
    }

    // The .inp texts, separated as llama.cpp's test writes them, and the .out token ids, one line per text.
    internal static List<(string Text, int[] Tokens)> Reference(string vocabulary)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Vocabularies");
        var texts = File.ReadAllText(Path.Combine(folder, $"ggml-vocab-{vocabulary}.gguf.inp"), Encoding.UTF8).Split(Separator);
        var lines = File.ReadAllText(Path.Combine(folder, $"ggml-vocab-{vocabulary}.gguf.out"), Encoding.UTF8).Split('\n');
        Assert.True(texts.Length > 40 && texts.Length == lines.Length, $"{texts.Length} texts, {lines.Length} tokenizations");
        return [.. texts.Zip(lines).SkipLast(1).Select(pair => (pair.First, pair.Second.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))];
    }
}
