using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>The real serve on a loopback port with a scripted GGUF, as a developer's .editorconfig would point at it.</summary>
public sealed class ServedModelFixture : IAsyncLifetime
{
    public const string Script = "return value.Length * 2;";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-ide-" + Guid.NewGuid().ToString("N")[..8]);
    private LlamaInfillModel? model;
    private WebApplication? app;

    public string Endpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "ide.gguf"), Script)) { ContextSize = 2048 });
        app = InfillServer.Create(model, new ServerOptions(Port: 0));
        await app.StartAsync();
        Endpoint = app.Urls.Single();
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
