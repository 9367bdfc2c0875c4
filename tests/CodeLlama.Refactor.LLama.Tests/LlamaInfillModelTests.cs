using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

public sealed class LlamaInfillModelTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public async Task Scripted_model_writes_its_script_between_prefix_and_suffix()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048 });

        var completions = (await model.InfillAsync(new InfillRequest("/// <summary>\n/// ", "\n/// </summary>\nint Answer();"), default)).Completions;

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

    [Fact]
    public async Task A_prompt_that_starts_like_the_previous_one_evaluates_only_its_new_tokens()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048 });
        const string file = "class A\n{\n    int One() => 1;\n    int Two() => 2;\n}\n";

        await model.InfillAsync(new InfillRequest(file[..20], file[20..]), default);
        var first = model.Statistics.PromptTokensEvaluated;
        var completions = (await model.InfillAsync(new InfillRequest(file[..40], file[40..]), default)).Completions;

        Assert.True(model.Statistics.PromptTokensReused >= 20, $"reused {model.Statistics.PromptTokensReused}");
        Assert.True(model.Statistics.PromptTokensEvaluated - first < first, "the second prompt re-evaluated its shared prefix");
        Assert.Equal(ScriptedModelFixture.Script, completions[0].Text);
    }

    [Fact]
    public async Task K_candidates_come_from_one_prompt_evaluation()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048, MaxCandidates = 3, Temperature = 0.7f });

        var completions = (await model.InfillAsync(new InfillRequest("int x = ", ";", Candidates: 3), default)).Completions;

        Assert.Equal(3, completions.Count);
        Assert.All(completions, completion => Assert.Equal(ScriptedModelFixture.Script, completion.Text));
        Assert.Equal(1, model.Statistics.Requests);
        Assert.Equal(model.Prompt.Build("int x = ", ";").Length, model.Statistics.PromptTokensEvaluated);
    }

    [Fact]
    public async Task A_random_model_runs_until_the_token_limit_and_says_it_did_not_finish()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.RandomPath) { ContextSize = 1024, MaxNewTokens = 6 });

        var completion = Assert.Single((await model.InfillAsync(new InfillRequest("int x = ", ";"), default)).Completions);

        Assert.False(completion.Finished);
        Assert.Equal(6, completion.TokenCount);
    }
}
