using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

public sealed class LlamaInfillModelTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public async Task Scripted_model_writes_its_script_between_prefix_and_suffix()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048 });

        var completions = await model.InfillAsync(new InfillRequest("/// <summary>\n/// ", "\n/// </summary>\nint Answer();"), default);

        var completion = Assert.Single(completions);
        Assert.Equal(ScriptedModelFixture.Script, completion.Text);
        Assert.True(completion.Finished);
    }

    [Fact]
    public void Prompt_is_bos_pre_prefix_suf_suffix_mid_with_no_space_before_the_suffix()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048 });

        var tokens = model.Prompt.Build("a+b", "c;").Select(token => (int)token).ToArray();

        int[] expected =
        [
            CodeLlamaVocabulary.Bos, CodeLlamaVocabulary.Prefix,
            CodeLlamaVocabulary.Space, CodeLlamaVocabulary.CharacterId('a'), CodeLlamaVocabulary.CharacterId('+'), CodeLlamaVocabulary.CharacterId('b'),
            CodeLlamaVocabulary.Suffix,
            CodeLlamaVocabulary.CharacterId('c'), CodeLlamaVocabulary.CharacterId(';'),
            CodeLlamaVocabulary.Middle,
        ];
        Assert.Equal(expected, tokens);
    }
}
