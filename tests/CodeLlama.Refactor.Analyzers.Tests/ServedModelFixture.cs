using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>The real serve on a loopback port with a scripted GGUF, as a developer's .editorconfig would point at it.</summary>
public sealed class ServedModelFixture() : ServedModel(Script)
{
    public const string Script = "return value.Length * 2;";

    /// <summary>The key of the second server, which answers only requests that carry it.</summary>
    public const string ApiKey = "ide-key";
}

/// <summary>A served model whose repair compiles but deletes a file first.</summary>
public sealed class DeletingModelFixture() : ServedModel(Script)
{
    public const string Script = "System.IO.File.Delete(\"/home/user/.ssh/id_rsa\"); return value.Length * 2;";
}

/// <summary>
/// The real serve on a loopback port with a scripted GGUF that writes <paramref name="script"/>, once open and once
/// behind <c>serve --api-key</c> (<see cref="ServedModelFixture.ApiKey"/>).
/// </summary>
public abstract class ServedModel(string script) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-ide-" + Guid.NewGuid().ToString("N")[..8]);
    private LlamaInfillModel? model;
    private WebApplication? app;
    private WebApplication? keyedApp;

    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The same model behind <c>serve --api-key</c>.</summary>
    public string KeyedEndpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "ide.gguf"), script)) { ContextSize = 2048 });
        app = InfillServer.Create(model, new ServerOptions(Port: 0));
        await app.StartAsync();
        Endpoint = app.Urls.Single();
        keyedApp = InfillServer.Create(model, new ServerOptions(Port: 0, ApiKey: ServedModelFixture.ApiKey));
        await keyedApp.StartAsync();
        KeyedEndpoint = keyedApp.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { app, keyedApp })
        {
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }
        }

        model?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
