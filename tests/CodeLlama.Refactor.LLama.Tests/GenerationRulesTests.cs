using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>What ends a completion besides the end token, and the requests that evaluate a prompt only.</summary>
public sealed class GenerationRulesTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public async Task Candidates_that_would_not_fit_beside_the_prompt_share_the_room_left_instead_of_failing_the_decode()
    {
        // Random weights rarely end a completion, so each candidate runs to its limit: 4 × 64 new tokens do not fit in
        // the 256-token context beside this prompt.
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.RandomPath) { ContextSize = 256, MaxCandidates = 4, MaxNewTokens = 64, Temperature = 0.8f });
        var prefix = string.Concat(Enumerable.Range(0, 40).Select(line => $"int F{line}() => {line};\n"));
        while (model.CountTokens(prefix) > 150)
        {
            prefix = prefix[(prefix.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        }

        var result = await model.InfillAsync(new InfillRequest(prefix, ";", Candidates: 4), default);

        var room = model.ContextSize - result.PromptTokens;
        Assert.True(result.Completions.Count >= 2, $"{result.Completions.Count} candidates in {room} tokens of room");
        Assert.True(result.Completions.Sum(completion => completion.TokenCount) <= room, "the candidates' tokens fit beside the prompt");
    }

    [Theory]
    [InlineData(4, 64, 1000, 4, 64)]
    [InlineData(4, 64, 200, 4, 50)]
    [InlineData(4, 64, 100, 3, 33)]
    [InlineData(4, 128, 20, 1, 20)]
    [InlineData(4, 0, 0, 4, 0)]
    public void The_room_goes_to_whole_candidates_first_then_to_fewer_when_each_would_get_less_than_a_statement(
        int candidates, int maxNew, int room, int expectedCandidates, int expectedMaxNew) =>
        Assert.Equal((expectedCandidates, expectedMaxNew), CandidateRoom.Share(candidates, maxNew, room));

    [Fact]
    public async Task A_stop_text_ends_the_completion_before_it()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 1024 });

        var completion = Assert.Single((await model.InfillAsync(new InfillRequest("x", "y") { Stop = ["answer"] }, default)).Completions);

        Assert.Equal("Computes the ", completion.Text);
        Assert.Equal("answer", completion.StoppingWord);
        Assert.True(completion.Finished);
    }

    [Fact]
    public async Task A_line_indented_less_than_asked_ends_the_completion_before_that_line()
    {
        var path = TestModels.WriteScripted(Path.Combine(models.Folder, "indent.gguf"), "total = 1;\nreturn total;");
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024 });

        var free = Assert.Single((await model.InfillAsync(new InfillRequest("x", "y"), default)).Completions);
        var indented = Assert.Single((await model.InfillAsync(new InfillRequest("x", "y") { MinIndent = 4 }, default)).Completions);

        Assert.Equal("total = 1;\nreturn total;", free.Text);
        Assert.Equal("total = 1;\n", indented.Text);
        Assert.False(indented.Finished);
    }

    [Fact]
    public async Task No_new_tokens_evaluates_the_prompt_only_and_warms_the_cache_for_the_next_request()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 1024 });
        const string prefix = "class A\n{\n    int One() => 1;\n    int Two() => ";

        var warm = await model.InfillAsync(new InfillRequest(prefix, ";\n}\n", MaxNewTokens: 0), default);
        var answer = await model.InfillAsync(new InfillRequest(prefix, ";\n}\n"), default);

        Assert.Equal(string.Empty, Assert.Single(warm.Completions).Text);
        Assert.Equal(0, warm.Completions[0].TokenCount);
        Assert.Equal(1, answer.PromptTokensEvaluated);
        Assert.Equal(ScriptedModelFixture.Script, answer.Completions[0].Text);
    }

    [Fact]
    public async Task More_new_tokens_than_the_context_holds_means_up_to_the_context()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.RandomPath) { ContextSize = 256 });

        var result = await model.InfillAsync(new InfillRequest("x", "y", MaxNewTokens: int.MaxValue), default);

        Assert.Equal(256 - result.PromptTokens, result.Completions[0].TokenCount);
    }

    [Fact]
    public async Task Text_typed_after_the_gap_start_goes_after_the_middle_marker()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 1024 });

        var tokens = model.Prompt.Build(new InfillRequest("a", "b") { Typed = "c" }).Select(token => (int)token).ToArray();

        Assert.Equal([CodeLlamaVocabulary.Middle, CodeLlamaVocabulary.CharacterId('c')], tokens[^2..]);
    }
}
