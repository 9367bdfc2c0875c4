using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>serve with --api-key: the real server, the scripted model, and clients with and without the key.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string Key = "s3cret-key-for-tests";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-key-" + Guid.NewGuid().ToString("N")[..8]);
    private LlamaInfillModel? model;
    private WebApplication? app;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "key.gguf"), RunningServerFixture.Script))
        {
            ContextSize = 1024,
            MaxNewTokens = 32,
        });
        app = InfillServer.Create(model, new ServerOptions(Port: 0, ApiKey: Key));
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        model?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Infill_without_the_key_is_401_in_llama_cpp_shape_and_never_reaches_the_model()
    {
        var response = await client.PostAsJsonAsync("infill", new { input_prefix = "int x = ", input_suffix = ";" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var error = (await response.Content.ReadFromJsonAsync<LlamaCppError>())!.Error;
        Assert.Equal((401, "authentication_error", "Invalid API Key"), (error.Code, error.Type, error.Message));
        Assert.Equal(0, model!.Statistics.Requests);
    }

    [Theory]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret-key-for-test")]
    [InlineData("Bearer s3cret-key-for-tests-and-more")]
    [InlineData("Basic s3cret-key-for-tests")]
    [InlineData("s3cret-key-for-tests")]
    public async Task A_wrong_key_or_scheme_is_401(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "props");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_key_as_a_bearer_token_is_answered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "infill")
        {
            Content = JsonContent.Create(new { input_prefix = "int x = ", input_suffix = ";", n_predict = 8 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RunningServerFixture.Script, (await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!.Content);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("v1/health")]
    public async Task Health_stays_open_without_the_key(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_client_with_the_key_infills()
    {
        using var remote = await HttpInfillModel.ConnectAsync(new EndpointOptions(client.BaseAddress!) { ApiKey = Key }, default);

        var result = await remote.InfillAsync(new InfillRequest("int x = ", ";"), default);

        Assert.Equal(RunningServerFixture.Script, Assert.Single(result.Completions).Text);
    }

    [Fact]
    public async Task The_endpoint_client_without_the_key_is_told_which_variable_to_set()
    {
        var exception = await Assert.ThrowsAsync<InputException>(() => HttpInfillModel.ConnectAsync(new EndpointOptions(client.BaseAddress!), default));

        Assert.Contains(EndpointOptions.ApiKeyEnvironmentVariable, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_printed_do_not_show_the_key()
    {
        var printed = new EndpointOptions(client.BaseAddress!) { ApiKey = Key }.ToString();

        Assert.DoesNotContain(Key, printed, StringComparison.Ordinal);
        Assert.Contains("ApiKey = set", printed, StringComparison.Ordinal);
    }
}
