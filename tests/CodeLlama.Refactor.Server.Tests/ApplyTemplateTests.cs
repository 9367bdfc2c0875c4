using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// llama.cpp's <c>POST /apply-template</c> (tools/server/README.md): the messages rendered as the chat route would
/// prompt the model, returned as <c>{"prompt": ...}</c>, with nothing generated.
/// </summary>
public sealed class ApplyTemplateTests(ChatCompletionsTests.InstructServer instruct, RunningServerFixture fim)
    : IClassFixture<ChatCompletionsTests.InstructServer>, IClassFixture<RunningServerFixture>
{
    private static readonly object Messages = new[] { new { role = "system", content = "Be brief." }, new { role = "user", content = "Fix it." } };

    [Fact]
    public async Task A_gguf_with_a_chat_template_renders_through_it_and_the_prompt_is_the_one_the_chat_route_evaluates()
    {
        using var client = new HttpClient { BaseAddress = instruct.BaseAddress };

        var prompt = await ApplyAsync(client);

        Assert.StartsWith("[INST]", prompt, StringComparison.Ordinal);
        Assert.Contains("Fix it. [/INST]", prompt, StringComparison.Ordinal);
        Assert.Equal(await PromptTokensOfChatAsync(client), await TokenCountAsync(client, prompt));
    }

    [Fact]
    public async Task A_gguf_without_a_template_renders_chatml_as_llama_cpp_falls_back_to()
    {
        using var client = new HttpClient { BaseAddress = fim.BaseAddress };

        var prompt = await ApplyAsync(client);

        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nFix it.<|im_end|>\n<|im_start|>assistant\n", prompt);
        Assert.Equal(await PromptTokensOfChatAsync(client), await TokenCountAsync(client, prompt));
    }

    [Fact]
    public async Task Messages_without_a_user_turn_are_400()
    {
        using var client = new HttpClient { BaseAddress = fim.BaseAddress };

        using var response = await client.PostAsync("apply-template", new StringContent("""{"messages":[{"role":"system","content":"x"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> ApplyAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("apply-template", new { messages = Messages });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return Assert.Single(body.RootElement.EnumerateObject(), property => property.Name == "prompt").Value.GetString()!;
    }

    private static async Task<int> PromptTokensOfChatAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("v1/chat/completions", new { messages = Messages, max_tokens = 1 });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
    }

    private static async Task<int> TokenCountAsync(HttpClient client, string prompt)
    {
        using var response = await client.PostAsJsonAsync("tokenize", new { content = prompt, add_special = true });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("tokens").GetArrayLength();
    }
}
