using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>The real server on a free loopback port, serving the tests' scripted GGUF through llama.cpp.</summary>
public sealed class RunningServerFixture : IAsyncLifetime
{
    public const string Script = "Returns the sum of both values.";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-serve-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? app;

    public LlamaInfillModel Model { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public const int MaxRequestBytes = 64 * 1024;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var path = TestModels.WriteScripted(Path.Combine(folder, "serve.gguf"), Script);
        Model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024, MaxNewTokens = 32 });
        app = InfillServer.Create(Model, new ServerOptions(Port: 0, MaxRequestBytes: MaxRequestBytes));
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

        Model.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
