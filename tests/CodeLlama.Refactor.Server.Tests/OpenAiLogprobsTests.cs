using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// OpenAI's <c>logprobs</c> on serve's OpenAI routes, as llama.cpp's server answers it (tools/server/server.cpp,
/// <c>to_json_oaicompat</c>): <c>{"content": [...]}</c> per choice or streamed chunk, each entry llama.cpp's
/// <c>{id, token, bytes, logprob, top_logprobs}</c>; <c>null</c> on <c>/v1/completions</c> when not asked for.
/// </summary>
public sealed class OpenAiLogprobsTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private const string Prompt = "<PRE> int x = <SUF>; <MID>";

    private HttpClient Client { get; } = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Completions_logprobs_gives_each_token_with_that_many_alternatives_and_null_when_not_asked()
    {
        var asked = await PostAsync("v1/completions", new { prompt = Prompt, logprobs = 2, temperature = 0 });
        var plain = await PostAsync("v1/completions", new { prompt = Prompt, temperature = 0 });

        var choice = asked.GetProperty("choices")[0];
        var entries = choice.GetProperty("logprobs").GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(RunningServerFixture.Script, choice.GetProperty("text").GetString());
        Assert.Equal(asked.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), entries.Count);
        Assert.Equal(RunningServerFixture.Script, string.Concat(entries.Select(entry => entry.GetProperty("token").GetString())).TrimStart());
        Assert.All(entries, entry =>
        {
            var top = entry.GetProperty("top_logprobs").EnumerateArray().ToList();
            Assert.Equal(2, top.Count);
            Assert.Equal(entry.GetProperty("id").GetInt32(), top[0].GetProperty("id").GetInt32());
            Assert.InRange(entry.GetProperty("logprob").GetDouble(), double.NegativeInfinity, 0);
        });
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("choices")[0].GetProperty("logprobs").ValueKind);
    }

    [Fact]
    public async Task Llama_cpps_n_probs_wins_over_logprobs()
    {
        var answer = await PostAsync("v1/completions", new { prompt = Prompt, logprobs = 1, n_probs = 3, n_predict = 2 });

        var entry = answer.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content")[0];
        Assert.Equal(3, entry.GetProperty("top_logprobs").GetArrayLength());
    }

    [Fact]
    public async Task A_streamed_completion_chunk_carries_its_tokens_logprobs()
    {
        using var response = await Client.PostAsJsonAsync("v1/completions", new { prompt = Prompt, logprobs = 1, stream = true });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: true);
        var tokens = events.Select(e => e.GetProperty("choices")[0]).Where(choice => choice.GetProperty("finish_reason").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(tokens);
        var entries = tokens.Select(choice => Assert.Single(choice.GetProperty("logprobs").GetProperty("content").EnumerateArray())).ToList();
        Assert.All(entries, entry => Assert.Equal(1, entry.GetProperty("top_logprobs").GetArrayLength()));
        Assert.Equal(RunningServerFixture.Script, string.Concat(entries.Select(entry => entry.GetProperty("token").GetString())).TrimStart());
    }

    [Fact]
    public async Task Chat_logprobs_true_gives_top_logprobs_alternatives_and_is_left_out_when_not_asked()
    {
        var messages = new[] { new { role = "user", content = "Fix it." } };

        var asked = await PostAsync("v1/chat/completions", new { messages, logprobs = true, top_logprobs = 2, max_tokens = 3 });
        var plain = await PostAsync("v1/chat/completions", new { messages, max_tokens = 3 });

        var entries = asked.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(asked.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), entries.Count);
        Assert.All(entries, entry => Assert.Equal(2, entry.GetProperty("top_logprobs").GetArrayLength()));
        Assert.False(plain.GetProperty("choices")[0].TryGetProperty("logprobs", out _));
    }

    [Fact]
    public async Task Chat_top_logprobs_without_logprobs_is_400_as_in_llama_cpp()
    {
        using var response = await Client.PostAsync(
            "v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"x"}],"top_logprobs":2}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("top_logprobs requires logprobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(string route, object body)
    {
        using var response = await Client.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
