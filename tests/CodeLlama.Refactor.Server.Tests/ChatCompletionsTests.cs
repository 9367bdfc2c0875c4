using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// Instruction prompts over HTTP: serve's <c>/v1/chat/completions</c> renders the turns through the served GGUF's chat
/// template, and both endpoint clients send an instruction there whichever protocol their FIM prompts speak.
/// </summary>
public sealed class ChatCompletionsTests(ChatCompletionsTests.InstructServer server, RunningServerFixture fimServer)
    : IClassFixture<ChatCompletionsTests.InstructServer>, IClassFixture<RunningServerFixture>
{
    private static readonly Uri Address = new("http://models.test/");

    [Fact]
    public async Task Serve_answers_a_user_turn_through_the_ggufs_chat_template_in_openais_chat_shape()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.PostAsJsonAsync("v1/chat/completions", new { messages = new[] { new { role = "user", content = "Fix the error." } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal(InstructServer.Answer, choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.True(root.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task A_system_turn_and_content_given_as_text_parts_reach_the_template()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var alone = await PromptTokensAsync(client, """{"messages":[{"role":"user","content":"Fix the error."}]}""");

        var withSystem = await PromptTokensAsync(
            client, """{"messages":[{"role":"system","content":"You repair C#."},{"role":"user","content":[{"type":"text","text":"Fix the "},{"type":"text","text":"error."}]}]}""");

        // The template renders the system turn before the user's, so the prompt is longer by about its text.
        Assert.True(withSystem > alone + 5, $"{withSystem} prompt tokens with a system turn, {alone} without");
    }

    [Fact]
    public async Task Asked_to_stream_serve_sends_a_chunk_per_token_the_first_with_the_role_then_the_finish_reason_then_done()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.PostAsJsonAsync("v1/chat/completions", new { messages = new[] { new { role = "user", content = "Fix the error." } }, stream = true });

        var chunks = await ServerSentEvents.ReadAsync(response);
        Assert.True(chunks.Count > 2, $"{chunks.Count} chunks");
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        var choices = chunks.Select(chunk => Assert.Single(chunk.GetProperty("choices").EnumerateArray())).ToList();
        Assert.Equal("assistant", choices[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.All(choices.Skip(1), choice => Assert.False(choice.GetProperty("delta").TryGetProperty("role", out _)));
        Assert.Equal(InstructServer.Answer, string.Concat(choices.Select(choice => choice.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : "")));
        Assert.Equal("stop", choices[^1].GetProperty("finish_reason").GetString());
        // Written with the options of a whole answer: the answer's '+' as itself, not as \u002B.
        Assert.DoesNotContain("\\u002B", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llama_vims_instruction_continuation_sends_its_earlier_answer_back_as_an_assistant_turn_and_is_answered()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var first = await PromptTokensAsync(client, """{"messages":[{"role":"system","content":"You are a code-editing assistant."},{"role":"user","content":"Fix the error."}]}""");

        var continued = await PromptTokensAsync(
            client,
            """{"messages":[{"role":"system","content":"You are a code-editing assistant."},{"role":"user","content":"Fix the error."},{"role":"assistant","content":"return label.Length;"},{"role":"user","content":"Add the count."}],"stream":false}""");

        // Every turn reaches the template: the earlier answer and the new instruction lengthen the prompt.
        Assert.True(continued > first + 10, $"{continued} prompt tokens with four turns, {first} with two");
    }

    [Fact]
    public async Task Llama_vscode_warms_the_cache_with_n_predict_0_then_edits_with_max_tokens_minus_1_and_its_sampler_settings()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        object[] messages = [new { role = "system", content = "You are an expert coder." }, new { role = "user", content = "Fix the error." }];

        using var warm = await client.PostAsJsonAsync("v1/chat/completions", new
        {
            messages, n_predict = 0, samplers = Array.Empty<string>(), cache_prompt = true, t_max_prompt_ms = 500, t_max_predict_ms = 1,
        });
        using var edit = await client.PostAsJsonAsync("v1/chat/completions", new
        {
            messages, stream = false, cache_prompt = true, samplers = "edkypmxt", temperature = 0.8, dynatemp_range = 0, dynatemp_exponent = 1,
            top_k = 40, top_p = 0.95, min_p = 0.05, typical_p = 1, xtc_probability = 0, xtc_threshold = 0.1, repeat_last_n = 64,
            repeat_penalty = 1, presence_penalty = 0, frequency_penalty = 0, dry_multiplier = 0, dry_base = 1.75, dry_allowed_length = 2,
            dry_penalty_last_n = -1, max_tokens = -1, timings_per_token = false,
        });

        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        using var warmBody = JsonDocument.Parse(await warm.Content.ReadAsStringAsync());
        Assert.Equal(0, warmBody.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(string.Empty, warmBody.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        using var editBody = JsonDocument.Parse(await edit.Content.ReadAsStringAsync());
        var choice = editBody.RootElement.GetProperty("choices")[0];
        Assert.Equal(InstructServer.Answer, choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"tool","content":"b"}]}""", "[user,tool]")]
    [InlineData("""{"messages":[{"role":"system","content":"a"}]}""", "at least one user turn")]
    [InlineData("""{"messages":[]}""", "at least one user turn")]
    [InlineData("""{"messages":[{"role":"user","content":"a"}],"n":9}""", "n_cmpl (or n) must be 1 to 4")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", "other parts are not supported")]
    [InlineData("""{"messages":[{"role":"user","content":"a"}],"max_tokens":-2}""", "must be -1 (up to the context) or more")]
    public async Task Requests_serve_cannot_answer_as_asked_are_refused_with_400_saying_why(string json, string expected)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.PostAsync("v1/chat/completions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_served_model_without_a_chat_template_answers_through_chatml_as_llama_cpp_falls_back_to()
    {
        using var client = new HttpClient { BaseAddress = fimServer.BaseAddress };
        using var tokenized = await client.PostAsJsonAsync(
            "tokenize", new { content = "<|im_start|>user\nFix it.<|im_end|>\n<|im_start|>assistant\n", add_special = true });
        var chatMl = JsonDocument.Parse(await tokenized.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens").GetArrayLength();

        var tokens = await PromptTokensAsync(client, """{"messages":[{"role":"user","content":"Fix it."}],"max_tokens":4}""");

        // The prompt is exactly the ChatML rendering of the turn.
        Assert.Equal(chatMl, tokens);
    }

    [Theory]
    [InlineData(EndpointKind.LlamaCpp)]
    [InlineData(EndpointKind.OpenAi)]
    public async Task Both_endpoint_clients_send_an_instruction_to_the_chat_route_and_read_its_answer(EndpointKind kind)
    {
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(server.BaseAddress, kind), default);

        var result = await model.InfillAsync(new InfillRequest("", "", Candidates: 2) { Instruction = "Fix the error." }, default);

        Assert.Equal(2, result.Completions.Count);
        Assert.All(result.Completions, completion => Assert.Equal(InstructServer.Answer, completion.Text));
        Assert.All(result.Completions, completion => Assert.True(completion.Finished));
    }

    [Fact]
    public async Task An_instruction_goes_as_a_user_turn_with_the_models_name_and_one_seed_per_candidate()
    {
        const string Chat = """{"choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1}}""";
        var handler = new ScriptedHandler(
            ScriptedHandler.Json("""{"data":[{"id":"codellama-7b-instruct"}]}"""), ScriptedHandler.Json(Chat), ScriptedHandler.Json(Chat));
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(Address, EndpointKind.OpenAi) { MaxParallel = 1, Seed = 5 }, default, handler);

        await model.InfillAsync(new InfillRequest("", "", Candidates: 2, MaxNewTokens: 64) { Instruction = "Fix it.", SystemPrompt = "You repair C#." }, default);

        Assert.All(handler.Requests.Skip(1), uri => Assert.Equal("/v1/chat/completions", uri.AbsolutePath));
        var bodies = handler.Bodies.Skip(1).Select(text => JsonDocument.Parse(text).RootElement).ToList();
        Assert.Equal([5, 6], bodies.Select(body => body.GetProperty("seed").GetInt32()).Order());
        var first = bodies[0];
        Assert.Equal("codellama-7b-instruct", first.GetProperty("model").GetString());
        Assert.Equal(64, first.GetProperty("max_tokens").GetInt32());
        Assert.Equal(
            [("system", "You repair C#."), ("user", "Fix it.")],
            first.GetProperty("messages").EnumerateArray().Select(message => (message.GetProperty("role").GetString(), message.GetProperty("content").GetString())));
        Assert.False(first.TryGetProperty("stop", out _));
    }

    private static async Task<int> PromptTokensAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("v1/chat/completions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
    }

    /// <summary>serve on a loopback port with a scripted GGUF that carries Llama 2's chat template (Code Llama Instruct's).</summary>
    public sealed class InstructServer : IAsyncLifetime
    {
        public const string Answer = "return label.Length + count;";

        // llama.cpp recognises this template by its [INST] markers and renders a system turn inside the first one.
        private const string Template = "{% for message in messages %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% endfor %}";

        private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-chat-" + Guid.NewGuid().ToString("N")[..8]);
        private LlamaInfillModel? model;
        private WebApplication? app;

        public Uri BaseAddress { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(folder);
            // The script starts after ']', the last character of the template's "[/INST]".
            var path = TestModels.WriteScripted(
                Path.Combine(folder, "instruct.gguf"), Answer, new TinyLlamaShape(ChatTemplate: Template), startToken: CodeLlamaVocabulary.CharacterId(']'));
            model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024, MaxNewTokens = 32 });
            app = InfillServer.Create(model, new ServerOptions(Port: 0));
            await app.StartAsync();
            BaseAddress = new Uri(app.Urls.Single() + "/");
        }

        public async Task DisposeAsync()
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            model?.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
