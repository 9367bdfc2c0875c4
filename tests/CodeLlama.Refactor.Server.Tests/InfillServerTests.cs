using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server.Tests;

public sealed class InfillServerTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private HttpClient Client { get; } = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Health_is_200_once_the_model_is_loaded()
    {
        var response = await Client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Props_name_the_model_its_context_and_that_it_infills()
    {
        var props = await Client.GetFromJsonAsync<LlamaCppProps>("props");

        Assert.Equal("serve.gguf", props!.ModelPath);
        Assert.True(props.Infill);
        Assert.Equal(1024, props.DefaultGenerationSettings!.NCtx);
    }

    [Fact]
    public async Task Infill_answers_in_llama_cpp_shape_with_the_completion_counts_and_timings()
    {
        var response = await Client.PostAsJsonAsync("infill", new { input_prefix = "int Add(int a, int b)\n{\n    ", input_suffix = "\n}\n", n_predict = 16 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!;
        Assert.Equal(RunningServerFixture.Script, body.Content);
        Assert.True(body.StoppedEos);
        Assert.True(body.TokensPredicted > 0);
        Assert.True(body.Timings!.PromptN > 0);
    }

    [Fact]
    public async Task Bad_json_is_400_with_a_message()
    {
        var response = await Client.PostAsync("infill", new StringContent("{\"input_prefix\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<LlamaCppError>();
        Assert.Contains("not valid JSON", error!.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_prefix_or_suffix_is_400()
    {
        var response = await Client.PostAsJsonAsync("infill", new { n_predict = 4 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var prefix = new string('x', RunningServerFixture.MaxRequestBytes + 1);

        var response = await Client.PostAsJsonAsync("infill", new { input_prefix = prefix, input_suffix = "" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_size_limit_is_413_from_the_http_client()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "infill")
        {
            Content = new StringContent(OversizedBody(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(request.Content.Headers.ContentLength);
        var error = await response.Content.ReadFromJsonAsync<LlamaCppError>();
        Assert.Equal(413, error!.Error.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_limit_is_413_whether_chunked_or_with_a_length(bool chunked)
    {
        var (status, response) = await RawHttp.PostAsync(server.BaseAddress, "infill", OversizedBody(), chunked);

        Assert.Equal(413, status);
        Assert.Contains("\"code\":413", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_answered()
    {
        var (status, response) = await RawHttp.PostAsync(
            server.BaseAddress, "infill", JsonSerializer.Serialize(new { input_prefix = "int x = ", input_suffix = ";", n_predict = 8 }), chunked: true);

        Assert.Equal(200, status);
        Assert.Contains("\"content\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_413_with_a_message()
    {
        var response = await Client.PostAsJsonAsync("infill", new { input_prefix = new string('x', 5000), input_suffix = "" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<LlamaCppError>();
        Assert.Contains("no room", error!.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_requests_are_queued_and_each_gets_its_own_complete_answer()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(index =>
            Client.PostAsJsonAsync("infill", new { input_prefix = $"int F{index}() => ", input_suffix = ";", seed = index })));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(RunningServerFixture.Script, (await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!.Content);
        }
    }

    [Fact]
    public async Task The_http_client_reaches_the_real_server_end_to_end()
    {
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(server.BaseAddress), default);

        var result = await model.InfillAsync(new InfillRequest("int x = ", ";", Candidates: 3), default);

        Assert.Equal(1024, model.ContextSize);
        Assert.Equal(3, result.Completions.Count);
        Assert.All(result.Completions, completion => Assert.Equal(RunningServerFixture.Script, completion.Text));
    }

    private static string OversizedBody() =>
        JsonSerializer.Serialize(new { input_prefix = new string('x', RunningServerFixture.MaxRequestBytes + 1), input_suffix = "" });
}
