using System.Text;
using LLama;
using LLama.Common;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// The FIM prompt over real tokenizers: the vocabulary-only GGUFs of StarCoder2 and DeepSeek-Coder that llama.cpp
/// ships in models/, with the reference tokenizations (.inp/.out, written by the models' own Hugging Face tokenizers)
/// its tokenizer tests check against. The prompt's text tokens must match the reference, and the FIM layout must put
/// the family's own marker ids around them.
/// </summary>
public sealed class RealVocabularyTests
{
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

    private static LLamaWeights Load(string vocabulary) => LLamaWeights.LoadFromFile(
        new ModelParams(Path.Combine(AppContext.BaseDirectory, "Vocabularies", $"ggml-vocab-{vocabulary}.gguf")) { VocabOnly = true, GpuLayerCount = 0 });

    // The .inp texts, separated as llama.cpp's test writes them, and the .out token ids, one line per text.
    private static List<(string Text, int[] Tokens)> Reference(string vocabulary)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Vocabularies");
        var texts = File.ReadAllText(Path.Combine(folder, $"ggml-vocab-{vocabulary}.gguf.inp"), Encoding.UTF8).Split(Separator);
        var lines = File.ReadAllText(Path.Combine(folder, $"ggml-vocab-{vocabulary}.gguf.out"), Encoding.UTF8).Split('\n');
        Assert.True(texts.Length > 40 && texts.Length == lines.Length, $"{texts.Length} texts, {lines.Length} tokenizations");
        return [.. texts.Zip(lines).SkipLast(1).Select(pair => (pair.First, pair.Second.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))];
    }
}
