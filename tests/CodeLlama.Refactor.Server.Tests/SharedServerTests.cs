using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// serve as a server that other programs on the machine share: the real server over loopback, the scripted GGUF
/// through llama.cpp, a foreign Host header refused without a key, and a full queue answered 503 at once.
/// </summary>
public sealed class SharedServerTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private static readonly object Infill = new { input_prefix = "int Sum(int a, int b) => ", input_suffix = ";" };

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8765")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("192.0.2.7")]
    public async Task Without_a_key_a_request_whose_Host_names_another_machine_is_403_and_never_reaches_the_model(string host)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var before = server.Model.Statistics.Requests;
        using var request = new HttpRequestMessage(HttpMethod.Post, "infill") { Content = JsonContent.Create(Infill) };
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<LlamaCppError>())!.Error;
        Assert.Equal(403, error.Code);
        Assert.Contains(host, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, server.Model.Statistics.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("127.0.0.2")]
    public async Task Without_a_key_a_request_whose_Host_names_a_loopback_address_is_answered(string host)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "infill") { Content = JsonContent.Create(Infill) };
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RunningServerFixture.Script, (await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>())!.Content);
    }

    [Fact]
    public async Task With_a_key_the_Host_header_is_not_what_decides()
    {
        await using var app = InfillServer.Create(server.Model, new ServerOptions(Port: 0, ApiKey: "k3y"));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "infill") { Content = JsonContent.Create(Infill) };
        request.Headers.Host = "model.example";
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k3y");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Beyond_the_slots_and_the_queue_a_request_is_503_with_Retry_After_and_the_others_are_answered()
    {
        // The real model behind a gate that holds every request until released: one is in the slot, one waits in the
        // queue of one, and the third finds the queue full.
        var gated = new GatedModel(server.Model);
        await using var app = InfillServer.Create(gated, new ServerOptions(Port: 0, MaxQueue: 1));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };

        var admitted = new[] { client.PostAsJsonAsync("infill", Infill), client.PostAsJsonAsync("infill", Infill) };
        await gated.WaitUntilEnteredAsync(2);
        var refused = await client.PostAsJsonAsync("infill", Infill);
        var health = await client.GetAsync("health");
        gated.Release();
        var answered = await Task.WhenAll(admitted);
        var afterwards = await client.PostAsJsonAsync("infill", Infill);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ServerOptions.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(503, (await refused.Content.ReadFromJsonAsync<LlamaCppError>())!.Error.Code);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.All(answered, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(3, gated.Entered);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:0")]
    [InlineData("::ffff:127.0.0.1", "http://127.0.0.1:0")]
    [InlineData("::1", "http://[::1]:0")]
    [InlineData("[::1]", "http://[::1]:0")]
    [InlineData("localhost", "http://localhost:0")]
    public void The_bound_URL_writes_every_address_form_as_Kestrel_takes_it(string host, string url) =>
        Assert.Equal(url, new ServerOptions(host, Port: 0).ListenUrl);

    [Theory]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("::ffff:127.0.0.1", true, true)]
    [InlineData("[::1]", true, true)]
    [InlineData("localhost", true, true)]
    [InlineData("0.0.0.0", true, false)]
    [InlineData("::ffff:192.0.2.7", true, false)]
    [InlineData("example.com", true, false)]
    [InlineData("a#b", false, false)]
    [InlineData("", false, false)]
    [InlineData("http://127.0.0.1", false, false)]
    public void Host_forms_are_told_apart(string host, bool valid, bool loopback) =>
        Assert.Equal((valid, loopback), (ListenHost.IsValid(host), ListenHost.IsLoopback(host)));

    /// <summary>Holds every request until <see cref="Release"/>, then lets the real model answer it.</summary>
    private sealed class GatedModel(IInfillModel inner) : IInfillModel
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int entered;

        public int Entered => Volatile.Read(ref entered);

        public string Name => inner.Name;

        public int ContextSize => inner.ContextSize;

        public int MaxNewTokens => inner.MaxNewTokens;

        public InfillStatistics Statistics => inner.Statistics;

        public int CountTokens(string text) => inner.CountTokens(text);

        public async Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref entered);
            await gate.Task.WaitAsync(cancellationToken);
            return await inner.InfillAsync(request, cancellationToken);
        }

        public void Release() => gate.TrySetResult();

        public async Task WaitUntilEnteredAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Entered < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }
    }
}
