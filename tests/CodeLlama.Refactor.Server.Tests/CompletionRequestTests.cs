using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// What llama.cpp's completion routes take besides a FIM prompt as text (tools/server/README.md): token-array, mixed and
/// multiple prompts, plain text completed as it is, <c>n_probs</c>, <c>n_cmpl</c>, and stop texts held back while a
/// stream is still unsure of them.
/// </summary>
public sealed class CompletionRequestTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private const int Bos = 1;
    private const int Prefix = 32007;
    private const int Suffix = 32008;
    private const int Middle = 32009;

    private HttpClient Client { get; } = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task A_token_array_prompt_is_evaluated_exactly_as_given()
    {
        int[] prompt = [Bos, Prefix, .. await TokensAsync("int x = "), Suffix, .. await TokensAsync(";"), Middle];

        var answer = await CompleteAsync(new { prompt, cache_prompt = false });

        Assert.Equal(RunningServerFixture.Script, answer.GetProperty("content").GetString());
        Assert.Equal(prompt.Length, answer.GetProperty("tokens_evaluated").GetInt32());
    }

    [Fact]
    public async Task A_mixed_prompt_tokenizes_its_text_between_the_given_ids()
    {
        var text = await TokensAsync("int x = ");
        var suffix = await TokensAsync(";");

        var answer = await CompleteAsync(new { prompt = new object[] { Bos, Prefix, "int x = ", Suffix, ";", Middle }, cache_prompt = false });

        Assert.Equal(RunningServerFixture.Script, answer.GetProperty("content").GetString());
        Assert.Equal(4 + text.Length + suffix.Length, answer.GetProperty("tokens_evaluated").GetInt32());
    }

    [Fact]
    public async Task Text_without_fim_markers_is_completed_as_it_is_not_turned_into_a_fim_prompt()
    {
        const string Text = "Returns the sum";
        var withBos = await TokensAsync(Text, addSpecial: true);

        var answer = await CompleteAsync(new { prompt = Text, n_predict = 4, cache_prompt = false });

        // BOS and the text's own tokens, no FIM markers around them.
        Assert.Equal(withBos.Length, answer.GetProperty("tokens_evaluated").GetInt32());
    }

    [Fact]
    public async Task Several_prompts_are_answered_as_a_list_in_their_order()
    {
        int[] tokens = [Bos, Prefix, .. await TokensAsync("a"), Suffix, .. await TokensAsync("b"), Middle];

        using var response = await Client.PostAsJsonAsync("completion", new { prompt = new object[] { "<PRE> int x = <SUF>; <MID>", tokens } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal([0, 1], answers.Select(answer => answer.GetProperty("index").GetInt32()));
        Assert.All(answers, answer => Assert.Equal(RunningServerFixture.Script, answer.GetProperty("content").GetString()));
        Assert.Equal(tokens.Length, answers[1].GetProperty("tokens_evaluated").GetInt32());
    }

    [Theory]
    [InlineData("""{"prompt":[1,40000]}""", "not in the vocabulary")]
    [InlineData("""{"prompt":{"x":1}}""", "prompt must be")]
    [InlineData("""{"prompt":"x","n_cmpl":0}""", "n_cmpl")]
    [InlineData("""{"prompt":"x","n_probs":-1}""", "n_probs")]
    public async Task Prompts_and_counts_it_cannot_read_are_400_saying_why(string json, string expected)
    {
        using var response = await Client.PostAsync("completion", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task N_probs_fills_completion_probabilities_in_llama_cpps_shape_from_the_models_log_probabilities()
    {
        var answer = await CompleteAsync(new { prompt = "<PRE> int x = <SUF>; <MID>", n_probs = 3, temperature = 0 });

        var probabilities = answer.GetProperty("completion_probabilities").EnumerateArray().ToList();
        Assert.Equal(answer.GetProperty("tokens_predicted").GetInt32(), probabilities.Count);
        Assert.Equal(RunningServerFixture.Script, string.Concat(probabilities.Select(entry => entry.GetProperty("token").GetString())).TrimStart());
        foreach (var entry in probabilities)
        {
            var bytes = entry.GetProperty("bytes").EnumerateArray().Select(value => (byte)value.GetInt32()).ToArray();
            Assert.Equal(entry.GetProperty("token").GetString(), Encoding.UTF8.GetString(bytes));
            var logprob = entry.GetProperty("logprob").GetDouble();
            Assert.InRange(logprob, double.NegativeInfinity, 0);
            var top = entry.GetProperty("top_logprobs").EnumerateArray().ToList();
            Assert.Equal(3, top.Count);
            // Greedy: the token taken is the most likely one, and the list goes from most to least likely.
            Assert.Equal(entry.GetProperty("id").GetInt32(), top[0].GetProperty("id").GetInt32());
            Assert.Equal(logprob, top[0].GetProperty("logprob").GetDouble(), precision: 6);
            Assert.Equal(top.Select(item => item.GetProperty("logprob").GetDouble()).OrderDescending(), top.Select(item => item.GetProperty("logprob").GetDouble()));
        }
    }

    [Fact]
    public async Task Return_tokens_lists_the_generated_ids_and_stop_type_says_why_the_completion_ended()
    {
        const string Prompt = "<PRE> int x = <SUF>; <MID>";

        var eos = await CompleteAsync(new { prompt = Prompt, return_tokens = true, n_probs = 1 });
        var word = await CompleteAsync(new { prompt = Prompt, stop = new[] { "sum" } });
        var limit = await CompleteAsync(new { prompt = Prompt, n_predict = 2 });

        var tokens = eos.GetProperty("tokens").EnumerateArray().Select(token => token.GetInt32()).ToList();
        Assert.Equal(eos.GetProperty("tokens_predicted").GetInt32(), tokens.Count);
        Assert.Equal(eos.GetProperty("completion_probabilities").EnumerateArray().Select(entry => entry.GetProperty("id").GetInt32()), tokens);
        Assert.Empty(word.GetProperty("tokens").EnumerateArray());
        Assert.Equal(("eos", "word", "limit"), (eos.GetProperty("stop_type").GetString(), word.GetProperty("stop_type").GetString(), limit.GetProperty("stop_type").GetString()));
    }

    [Fact]
    public async Task A_streamed_token_carries_its_probabilities()
    {
        using var response = await Client.PostAsJsonAsync("completion", new { prompt = "<PRE> int x = <SUF>; <MID>", n_probs = 2, stream = true });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: false);
        Assert.All(events.Take(events.Count - 1), e =>
        {
            var entry = Assert.Single(e.GetProperty("completion_probabilities").EnumerateArray());
            Assert.Equal(Assert.Single(e.GetProperty("tokens").EnumerateArray()).GetInt32(), entry.GetProperty("id").GetInt32());
            Assert.Equal(2, entry.GetProperty("top_logprobs").GetArrayLength());
        });
    }

    [Fact]
    public async Task A_stream_holds_back_text_that_may_begin_a_stop_text_and_never_sends_the_stop_text()
    {
        using var response = await Client.PostAsJsonAsync("infill", new { input_prefix = "x", input_suffix = "y", stop = new[] { "both", "sum of all" }, stream = true });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: false);
        var contents = events.Select(e => e.GetProperty("content").GetString()!).ToList();
        Assert.Equal("Returns the sum of ", string.Concat(contents));
        Assert.DoesNotContain(contents, content => content.Contains("both", StringComparison.Ordinal));
        Assert.Equal("both", events[^1].GetProperty("stopping_word").GetString());
    }

    [Fact]
    public async Task Llama_vscodes_infill_with_n_cmpl_answers_that_many_completions_of_one_prompt()
    {
        // llama.vscode's FIM request (src/llama-server.ts, createRequestPayload) asking for two completions.
        using var response = await Client.PostAsJsonAsync("infill", new
        {
            input_prefix = "int Add(int a, int b)\n{\n", input_suffix = "\n}\n", input_extra = Array.Empty<object>(), prompt = "", n_predict = 32,
            top_k = 40, top_p = 0.99, stream = false, samplers = new[] { "top_k", "top_p", "infill" }, cache_prompt = true, n_indent = 4,
            t_max_prompt_ms = 500, t_max_predict_ms = 1000, n_cmpl = 2,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal([0, 1], answers.Select(answer => answer.GetProperty("index").GetInt32()));
        Assert.All(answers, answer => Assert.Equal(RunningServerFixture.Script, answer.GetProperty("content").GetString()));
        // Both come from one evaluation of the prompt, in one slot.
        Assert.Equal(answers[0].GetProperty("id_slot").GetInt32(), answers[1].GetProperty("id_slot").GetInt32());
        Assert.Equal(answers[0].GetProperty("tokens_cached").GetInt32(), answers[1].GetProperty("tokens_cached").GetInt32());
    }

    [Fact]
    public async Task Openai_n_gives_that_many_choices()
    {
        using var response = await Client.PostAsJsonAsync("v1/completions", new { prompt = "<PRE> int x = <SUF>; <MID>", n = 3, temperature = 0 });

        var choices = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], choices.Select(choice => choice.GetProperty("index").GetInt32()));
        Assert.All(choices, choice => Assert.Equal(RunningServerFixture.Script, choice.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Streamed_n_cmpl_tags_each_event_with_its_completion()
    {
        using var response = await Client.PostAsJsonAsync("infill", new { input_prefix = "x", input_suffix = "y", n_cmpl = 2, stream = true });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: false);
        foreach (var index in new[] { 0, 1 })
        {
            var mine = events.Where(e => e.GetProperty("index").GetInt32() == index).ToList();
            Assert.Equal(RunningServerFixture.Script, string.Concat(mine.Select(e => e.GetProperty("content").GetString())));
            Assert.True(mine[^1].GetProperty("stop").GetBoolean());
        }
    }

    private async Task<JsonElement> CompleteAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("completion", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int[]> TokensAsync(string content, bool addSpecial = false)
    {
        using var response = await Client.PostAsJsonAsync("tokenize", new { content, add_special = addSpecial });
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens").EnumerateArray().Select(token => token.GetInt32())];
    }
}
