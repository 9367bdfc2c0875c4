using System.Net;
using System.Net.Http.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server.Tests;

public sealed class ModelErrorTests
{
    [Fact]
    public async Task A_model_that_fails_is_500_with_its_message_and_the_server_keeps_answering()
    {
        await using var app = InfillServer.Create(new FailingModel(), new ServerOptions(Port: 0));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };

        var response = await client.PostAsJsonAsync("infill", new { input_prefix = "a", input_suffix = "b" });
        var health = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("the decoder ran out of memory", (await response.Content.ReadFromJsonAsync<LlamaCppError>())!.Error.Message);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await app.StopAsync();
    }

    private sealed class FailingModel : IInfillModel
    {
        public string Name => "failing";

        public int ContextSize => 100;

        public int MaxNewTokens => 10;

        public InfillStatistics Statistics { get; } = new();

        public int CountTokens(string text) => text.Length;

        public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken) =>
            throw new InferenceException("the decoder ran out of memory");
    }
}
