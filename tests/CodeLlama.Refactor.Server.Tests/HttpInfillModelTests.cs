using System.Net;
using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server.Tests;

public sealed class HttpInfillModelTests
{
    private static readonly Uri Address = new("http://models.test/");

    [Fact]
    public async Task A_busy_server_is_retried_with_backoff_until_it_answers()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Json("""{"default_generation_settings":{"n_ctx":2048}}"""),
            new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            new HttpResponseMessage(HttpStatusCode.TooManyRequests),
            ScriptedHandler.Json("""{"content":"return 1;","tokens_predicted":3,"tokens_evaluated":9,"stopped_eos":true}"""));
        using var model = await HttpInfillModel.ConnectAsync(
            new EndpointOptions(Address) { FirstBackoff = TimeSpan.FromMilliseconds(5) }, default, handler);

        var result = await model.InfillAsync(new InfillRequest("int F() { ", " }"), default);

        Assert.Equal("return 1;", Assert.Single(result.Completions).Text);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_then_the_request_fails()
    {
        var handler = new ScriptedHandler(
            [ScriptedHandler.Json("""{"default_generation_settings":{"n_ctx":2048}}"""), .. Enumerable.Range(0, 3).Select(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))]);
        using var model = await HttpInfillModel.ConnectAsync(
            new EndpointOptions(Address) { MaxRetries = 2, FirstBackoff = TimeSpan.FromMilliseconds(1) }, default, handler);

        await Assert.ThrowsAsync<InferenceException>(() => model.InfillAsync(new InfillRequest("a", "b"), default));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task An_openai_endpoint_gets_the_raw_code_llama_infill_prompt_and_stops_at_eot()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Json("""{"data":[{"id":"codellama/CodeLlama-7b-hf"}]}"""),
            ScriptedHandler.Json("""{"choices":[{"text":"a + b","finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":4}}"""));
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(Address, EndpointKind.OpenAi), default, handler);

        var result = await model.InfillAsync(new InfillRequest("int Add(int a, int b) => ", ";"), default);

        Assert.Equal("a + b", Assert.Single(result.Completions).Text);
        using var body = JsonDocument.Parse(handler.Bodies[1]);
        Assert.Equal("codellama/CodeLlama-7b-hf", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("<PRE> int Add(int a, int b) =>  <SUF>; <MID>", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("<EOT>", body.RootElement.GetProperty("stop")[0].GetString());
    }

    [Theory]
    [InlineData("StarCoder", "<fim_prefix>int x = <fim_suffix>;<fim_middle>", "<|endoftext|>")]
    [InlineData("Qwen", "<|fim_prefix|>int x = <|fim_suffix|>;<|fim_middle|>", "<|fim_pad|>")]
    [InlineData("DeepSeek", "<｜fim▁begin｜>int x = <｜fim▁hole｜>;<｜fim▁end｜>", "<｜end▁of▁sentence｜>")]
    public async Task An_openai_endpoint_gets_the_prompt_in_the_served_models_fim_format(string family, string prompt, string stop)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Json("""{"choices":[{"text":"1","finish_reason":"stop"}]}"""));
        using var model = await HttpInfillModel.ConnectAsync(
            new EndpointOptions(Address, EndpointKind.OpenAi) { Model = "served", FimFormat = FimTextFormat.For(family) }, default, handler);

        await model.InfillAsync(new InfillRequest("int x = ", ";"), default);

        using var body = JsonDocument.Parse(handler.Bodies[0]);
        Assert.Equal(prompt, body.RootElement.GetProperty("prompt").GetString());
        Assert.Contains(stop, body.RootElement.GetProperty("stop").EnumerateArray().Select(element => element.GetString()));
    }

    [Fact]
    public async Task The_work_of_a_remote_model_is_counted_on_the_model_seam()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Json("""{"default_generation_settings":{"n_ctx":2048}}"""),
            ScriptedHandler.Json("""{"content":"a","tokens_predicted":3,"tokens_evaluated":9,"stopped_eos":true}"""),
            ScriptedHandler.Json("""{"content":"b","tokens_predicted":4,"tokens_evaluated":9,"stopped_eos":true}"""));
        using var remote = await HttpInfillModel.ConnectAsync(new EndpointOptions(Address), default, handler);
        IInfillModel model = remote;

        await model.InfillAsync(new InfillRequest("x", "y", Candidates: 2), default);

        Assert.Equal(1, model.Statistics.Requests);
        Assert.Equal(18, model.Statistics.PromptTokensEvaluated);
        Assert.Equal(7, model.Statistics.GeneratedTokens);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_bad_input_with_its_address()
    {
        var exception = await Assert.ThrowsAsync<InputException>(() =>
            HttpInfillModel.ConnectAsync(new EndpointOptions(new Uri("http://127.0.0.1:9/")) { Timeout = TimeSpan.FromSeconds(5) }, default));

        Assert.Contains("http://127.0.0.1:9/", exception.Message, StringComparison.Ordinal);
    }
}
