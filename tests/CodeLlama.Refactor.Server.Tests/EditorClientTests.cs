using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>The requests llama.cpp's editor clients send (llama.vim's shapes, replayed), and the OpenAI-compatible routes.</summary>
public sealed class EditorClientTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private static readonly object[] ExtraContext =
    [
        new { text = "public static class Shapes\n{\n    public static double Area(double r) => r * r;\n}\n", time = 1733000000, filename = "Shapes.cs" },
    ];

    private HttpClient Client { get; } = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Llama_vim_warms_the_cache_with_its_extra_context_then_gets_the_flattened_fields_it_asked_for()
    {
        var warm = await Client.PostAsJsonAsync("infill", new
        {
            input_prefix = "", input_suffix = "", input_extra = ExtraContext, prompt = "", n_predict = 0, temperature = 0.0, stream = false,
            samplers = Array.Empty<string>(), cache_prompt = true, t_max_prompt_ms = 1, t_max_predict_ms = 1, response_fields = new[] { "" },
        });
        var response = await Client.PostAsJsonAsync("infill", new
        {
            input_prefix = "int Add(int a, int b)\n{\n", input_suffix = "\n}\n", input_extra = ExtraContext, prompt = "", n_predict = 128,
            n_indent = 0, top_k = 40, top_p = 0.99, stream = false, samplers = new[] { "top_k", "top_p", "infill" }, cache_prompt = true,
            t_max_prompt_ms = 500, t_max_predict_ms = 1000,
            response_fields = new[]
            {
                "content", "timings/prompt_n", "timings/prompt_ms", "timings/prompt_per_token_ms", "timings/prompt_per_second",
                "timings/predicted_n", "timings/predicted_ms", "timings/predicted_per_token_ms", "timings/predicted_per_second",
                "truncated", "tokens_cached",
            },
        });

        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        Assert.Equal("{}", await warm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(
            ["content", "timings/predicted_ms", "timings/predicted_n", "timings/predicted_per_second", "timings/predicted_per_token_ms", "timings/prompt_ms",
                "timings/prompt_n", "timings/prompt_per_second", "timings/prompt_per_token_ms", "tokens_cached", "truncated"],
            root.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(RunningServerFixture.Script, root.GetProperty("content").GetString());
        Assert.True(root.GetProperty("tokens_cached").GetInt32() > 20, "the warm-up's extra context was evaluated again");
        Assert.True(root.GetProperty("timings/predicted_n").GetInt32() > 0);
    }

    [Fact]
    public async Task A_stop_text_ends_the_content_and_is_reported()
    {
        var response = await Client.PostAsJsonAsync("infill", new { input_prefix = "x", input_suffix = "y", stop = new[] { "both" } });

        var body = (await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!;
        Assert.Equal("Returns the sum of ", body.Content);
        Assert.True(body.StoppedWord);
        Assert.Equal("both", body.StoppingWord);
    }

    [Fact]
    public async Task Streamed_infill_sends_one_event_per_token_then_the_whole_answer_with_stop()
    {
        using var response = await Client.PostAsJsonAsync("infill", new { input_prefix = "x", input_suffix = "y", stream = true });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: false);
        var tokens = events.Take(events.Count - 1).ToList();
        Assert.All(tokens, e => Assert.False(e.GetProperty("stop").GetBoolean()));
        Assert.All(tokens, e => Assert.Single(e.GetProperty("tokens").EnumerateArray()));
        var last = events[^1];
        Assert.True(last.GetProperty("stop").GetBoolean());
        // One event per generated token: as many as the answer says it predicted, and more than one.
        Assert.Equal(last.GetProperty("timings").GetProperty("predicted_n").GetInt32(), tokens.Count);
        Assert.True(tokens.Count > 1, $"{tokens.Count} token events");
        Assert.Equal(RunningServerFixture.Script, string.Concat(events.Select(e => e.GetProperty("content").GetString())));
    }

    [Fact]
    public async Task Continues_llama_cpp_provider_streams_a_code_llama_fim_prompt_from_completion()
    {
        // Continue renders its autocomplete template itself and posts the whole prompt, reading "content" from each event.
        using var response = await Client.PostAsJsonAsync("completion", new
        {
            prompt = "<PRE> int Add(int a, int b)\n{\n <SUF>\n}\n <MID>", stream = true, n_predict = 64, stop = new[] { "<EOT>", "\n\n\n" },
            temperature = 0.01, top_p = 0.9, top_k = 40, min_p = 0.05, frequency_penalty = 0.0, presence_penalty = 0.0,
        });

        var events = await ServerSentEvents.ReadAsync(response, endsWithDone: false);
        Assert.Equal(RunningServerFixture.Script, string.Concat(events.Select(e => e.GetProperty("content").GetString())));
        Assert.True(events[^1].GetProperty("stop").GetBoolean());
    }

    [Fact]
    public async Task Completion_keeps_context_before_the_markers_and_refuses_a_body_without_a_prompt()
    {
        var plain = await Client.PostAsJsonAsync("completion", new { prompt = "<PRE> int x = <SUF>; <MID>", cache_prompt = false });
        var withContext = await Client.PostAsJsonAsync("completion", new { prompt = "Context:\n\nstatic class Shapes { static int Sides = 4; }\n<PRE> int x = <SUF>; <MID>", cache_prompt = false });
        var missing = await Client.PostAsJsonAsync("completion", new { input_prefix = "x" });

        var without = (await plain.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!;
        var with = (await withContext.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!;
        Assert.Equal(RunningServerFixture.Script, with.Content);
        Assert.True(with.TokensEvaluated > without.TokensEvaluated + 10, $"{with.TokensEvaluated} tokens with the context, {without.TokensEvaluated} without");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Openai_completions_take_a_code_llama_fim_prompt_as_text()
    {
        var response = await Client.PostAsJsonAsync("v1/completions", new { model = "serve.gguf", prompt = "<PRE> int x = <SUF>; <MID>", max_tokens = 32, temperature = 0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<OpenAiCompletionResponse>())!;
        var choice = Assert.Single(body.Choices);
        Assert.Equal(RunningServerFixture.Script, choice.Text);
        Assert.Equal("stop", choice.FinishReason);
        Assert.True(body.Usage!.PromptTokens > 0);
    }

    [Fact]
    public async Task Openai_completions_asked_to_stream_send_a_text_completion_chunk_per_token_then_done()
    {
        using var response = await Client.PostAsJsonAsync("v1/completions", new { prompt = "<PRE> int x = <SUF>; <MID>", max_tokens = 32, temperature = 0, stream = true });

        var chunks = await ServerSentEvents.ReadAsync(response);
        Assert.True(chunks.Count > 2, $"{chunks.Count} chunks");
        Assert.All(chunks, chunk => Assert.Equal("text_completion", chunk.GetProperty("object").GetString()));
        var choices = chunks.Select(chunk => Assert.Single(chunk.GetProperty("choices").EnumerateArray())).ToList();
        Assert.Equal(RunningServerFixture.Script, string.Concat(choices.Select(choice => choice.GetProperty("text").GetString())));
        Assert.All(choices[..^1], choice => Assert.Equal(JsonValueKind.Null, choice.GetProperty("finish_reason").ValueKind));
        Assert.Equal("stop", choices[^1].GetProperty("finish_reason").GetString());
        Assert.Equal(chunks.Count - 1, chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Theory]
    [InlineData("max_tokens", -1, true)]
    [InlineData("n_predict", -1, true)]
    [InlineData("max_tokens", 0, false)]
    public async Task Openai_completions_read_token_counts_as_llama_cpp_does(string name, int count, bool expectText)
    {
        var json = $$"""{"prompt":"<PRE> int x = <SUF>; <MID>","temperature":0,"{{name}}":{{count}}}""";

        var response = await Client.PostAsync("v1/completions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<OpenAiCompletionResponse>())!;
        // -1 generates up to the context, so the script runs to its end; 0 evaluates the prompt only.
        Assert.Equal(expectText ? RunningServerFixture.Script : string.Empty, Assert.Single(body.Choices).Text);
        Assert.True(expectText ? body.Usage!.CompletionTokens > 0 : body.Usage!.CompletionTokens == 0, $"{body.Usage!.CompletionTokens} completion tokens");
    }

    [Fact]
    public async Task Models_lists_the_served_model_for_openai_clients()
    {
        var models = await Client.GetFromJsonAsync<OpenAiModelList>("v1/models");

        Assert.Equal("serve.gguf", Assert.Single(models!.Data).Id);
    }

    [Fact]
    public async Task The_openai_client_of_fix_and_doc_works_against_serve()
    {
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(server.BaseAddress, EndpointKind.OpenAi), default);

        var result = await model.InfillAsync(new Inference.InfillRequest("int x = ", ";"), default);

        Assert.Equal(RunningServerFixture.Script, Assert.Single(result.Completions).Text);
    }

    [Theory]
    [InlineData("<PRE> int x = <SUF>; <MID>", "int x =", ";")]
    [InlineData("<fim_prefix>int x = <fim_suffix>;<fim_middle>", "int x = ", ";")]
    [InlineData("<|fim_prefix|>int x = <|fim_suffix|>;<|fim_middle|>", "int x = ", ";")]
    [InlineData("<｜fim▁begin｜>int x = <｜fim▁hole｜>;<｜fim▁end｜>", "int x = ", ";")]
    [InlineData("int x = ", "int x = ", "")]
    public void A_fim_prompt_as_text_splits_into_prefix_and_suffix(string prompt, string prefix, string suffix)
    {
        var request = FimPromptText.Read(prompt);

        Assert.Equal((prefix, suffix), (request.Prefix, request.Suffix));
    }
}
