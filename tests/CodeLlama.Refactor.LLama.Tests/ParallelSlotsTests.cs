using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>Concurrent requests decoded together in slots, as llama.cpp's server does with -np.</summary>
public sealed class ParallelSlotsTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public async Task Concurrent_requests_share_decode_steps_and_each_gets_its_own_answer()
    {
        using var alone = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048 });
        await alone.InfillAsync(new InfillRequest("int F0() => ", ";"), default);
        var decodesForOne = alone.Statistics.DecodeCalls;
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048, Parallel = 4 });

        var results = await Together(model, Enumerable.Range(0, 4).Select(index => new InfillRequest($"int F{index}() => ", ";")));

        Assert.All(results, result => Assert.Equal(ScriptedModelFixture.Script, Assert.Single(result.Completions).Text));
        Assert.Equal(4, results.Select(result => result.Slot).Distinct().Count());
        Assert.Equal(4, model.Statistics.MostSequencesInOneDecode);
        Assert.True(model.Statistics.DecodeCalls < 2 * decodesForOne, $"{model.Statistics.DecodeCalls} decodes for 4 requests; {decodesForOne} for one");
    }

    [Fact]
    public async Task Concurrent_requests_get_the_texts_they_get_one_at_a_time_from_decode_steps_that_carry_all_of_them()
    {
        // Random weights: each prompt gets its own greedy text, so a token of one sequence landing in another would show.
        var requests = Enumerable.Range(0, 4)
            .Select(index => new InfillRequest($"class C{index}\n{{\n    int Value{index}() => ", $";\n    // {index}\n}}\n") { MaxNewTokens = 12 })
            .ToList();
        using var alone = LlamaInfillModel.Load(new LlamaModelOptions(models.RandomPath) { ContextSize = 2048 });
        var sequential = new List<string>();
        foreach (var request in requests)
        {
            sequential.Add(Assert.Single((await alone.InfillAsync(request, default)).Completions).Text);
        }

        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.RandomPath) { ContextSize = 2048, Parallel = 4 });
        var concurrent = await Together(model, requests);

        Assert.Equal(sequential, concurrent.Select(result => Assert.Single(result.Completions).Text));
        Assert.True(sequential.Distinct().Count() > 1, "the prompts should lead to different texts");
        Assert.Equal(4, model.Statistics.MostSequencesInOneDecode);
        Assert.Equal(1, alone.Statistics.MostSequencesInOneDecode);
        var generated = model.Statistics.GeneratedTokens;
        Assert.True(model.Statistics.DecodeCalls < generated / 2, $"{model.Statistics.DecodeCalls} decodes for {generated} generated tokens");
        Assert.True(model.Statistics.DecodedTokens >= model.Statistics.PromptTokensEvaluated, "every evaluated prompt token went through a decode");
    }

    [Fact]
    public async Task Each_slot_gets_its_share_of_the_context_so_long_prompts_in_every_slot_fit_together()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048, Parallel = 4 });
        var body = string.Empty;
        for (var line = 0; model.CountTokens(body) < 380; line++)
        {
            body += $"int F{line}() => {line};\n";
        }

        var prompts = Enumerable.Range(0, 4).Select(index => new InfillRequest($"// file {index}\n{body}int G() => ", ";")).ToList();

        var results = await Task.WhenAll(prompts.Select(request => model.InfillAsync(request, default)));

        Assert.Equal(512, model.ContextSize);
        Assert.All(results, result => Assert.InRange(result.PromptTokens, 300, 511));
        Assert.All(results, result => Assert.Equal(ScriptedModelFixture.Script, Assert.Single(result.Completions).Text));
        await Assert.ThrowsAsync<PromptTooLongException>(() => model.InfillAsync(new InfillRequest(body + body, ";"), default));
    }

    [Fact]
    public async Task Each_slot_keeps_its_own_prompt_cache()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048, Parallel = 2 });
        const string first = "class A\n{\n    int One() => 1;\n    int Two() => ";
        const string second = "class B\n{\n    string Name() => \"b\";\n    string Other() => ";

        await model.InfillAsync(new InfillRequest(first, ";") { Slot = 0 }, default);
        await model.InfillAsync(new InfillRequest(second, ";") { Slot = 1 }, default);
        var again = await model.InfillAsync(new InfillRequest(first + "2;\n    int Three() => ", ";"), default);

        Assert.Equal(0, again.Slot);
        Assert.True(again.PromptTokensEvaluated < again.PromptTokens / 2, $"{again.PromptTokensEvaluated} of {again.PromptTokens} evaluated");
    }

    // Submits every request while decoding is held, so that all of them start in the same step whatever the scheduler
    // does: the sharing the tests assert is then a property of the batcher, not of timing.
    private static Task<InfillResult[]> Together(LlamaInfillModel model, IEnumerable<InfillRequest> requests)
    {
        List<Task<InfillResult>> submitted;
        using (model.HoldDecoding())
        {
            submitted = [.. requests.Select(request => model.InfillAsync(request, default))];
        }

        return Task.WhenAll(submitted);
    }

    [Fact]
    public async Task A_cancelled_request_leaves_the_others_answered()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 2048, Parallel = 2 });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var failing = model.InfillAsync(new InfillRequest("a", "b"), cancelled.Token);
        var answered = await model.InfillAsync(new InfillRequest("c", "d"), default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => failing);
        Assert.Equal(ScriptedModelFixture.Script, answered.Completions[0].Text);
    }
}
