using CodeLlama.Refactor.Inference;
using LLama;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// The FIM prompt over Qwen2.5-Coder's real tokenizer (<see cref="QwenVocabulary"/>). The expected ids were computed
/// apart from llama.cpp, by a byte-level BPE in Python over the same merges, which also reproduces llama.cpp's
/// reference tokenizations (Hugging Face's) of Qwen2; the marker ids are those of Qwen2.5-Coder's tokenizer_config.json.
/// </summary>
public sealed class QwenVocabularyTests(QwenVocabulary vocabulary) : IClassFixture<QwenVocabulary>
{
    [Fact]
    public void The_text_tokens_are_hugging_faces_qwen2_tokenizations()
    {
        using var weights = Load();
        var prompt = new FimPrompt(weights);

        foreach (var (text, expected) in RealVocabularyTests.Reference("qwen2"))
        {
            Assert.Equal(expected, prompt.Tokenize(text).Select(token => (int)token));
        }
    }

    [Fact]
    public void Llama_cpp_finds_qwens_fim_tokens_by_their_text_and_adds_no_bos()
    {
        using var weights = Load();

        var prompt = new FimPrompt(weights);

        Assert.Equal(
            (QwenVocabulary.Prefix, QwenVocabulary.Suffix, QwenVocabulary.Middle, QwenVocabulary.Repository, QwenVocabulary.FileSeparator),
            ((int)prompt.Prefix, (int)prompt.Suffix, (int)prompt.Middle, (int?)prompt.Repository, (int?)prompt.FileSeparator));
        Assert.Null(prompt.Bos);
        Assert.Equal(QwenVocabulary.Pad, (int?)weights.Vocab.InfillPad);
        Assert.Equal(QwenVocabulary.EndOfText, (int?)weights.Vocab.EOS);
    }

    [Fact]
    public void The_fim_prompt_is_qwen_coders_layout_token_for_token()
    {
        using var weights = Load();

        var tokens = new FimPrompt(weights).Build("def add(a, b):\n    return ", "\n\nprint(add(1, 2))\n");

        // <|fim_prefix|> def ␣add (a , ␣b ):⏎ ␣␣␣ ␣return ␣ <|fim_suffix|> ⏎⏎ print (add ( 1 , ␣ 2 ))⏎ <|fim_middle|>
        int[] expected =
        [
            QwenVocabulary.Prefix, 750, 912, 2877, 11, 293, 982, 262, 470, 220,
            QwenVocabulary.Suffix, 271, 1350, 25906, 7, 16, 11, 220, 17, 1171,
            QwenVocabulary.Middle,
        ];
        Assert.Equal(expected, tokens.Select(token => (int)token));
    }

    [Fact]
    public void Repository_context_is_qwen_coders_repository_level_layout_token_for_token()
    {
        using var weights = Load();
        var request = new InfillRequest("def add(a, b):\n    return ", "\n\nprint(add(1, 2))\n")
        {
            Extra = [new InfillChunk("src/util.py", "def sub(a, b):\n    return a - b\n")],
        };

        var tokens = new FimPrompt(weights).Build(request);

        // <|repo_name|>myproject⏎ <|file_sep|>src/util.py⏎ (text) <|file_sep|>filename⏎ <|fim_prefix|>…: Qwen2.5-Coder's
        // repository-level format, with llama.cpp's names for the project and the current file.
        int[] expected =
        [
            QwenVocabulary.Repository, 2408, 4987, 198,
            QwenVocabulary.FileSeparator, 3548, 22610, 7197, 198,
            750, 1186, 2877, 11, 293, 982, 262, 470, 264, 481, 293, 198,
            QwenVocabulary.FileSeparator, 8404, 198,
            QwenVocabulary.Prefix, 750, 912, 2877, 11, 293, 982, 262, 470, 220,
            QwenVocabulary.Suffix, 271, 1350, 25906, 7, 16, 11, 220, 17, 1171,
            QwenVocabulary.Middle,
        ];
        Assert.Equal(expected, tokens.Select(token => (int)token));
    }

    private LLamaWeights Load() => RealVocabularyTests.LoadFile(vocabulary.GgufPath);
}
