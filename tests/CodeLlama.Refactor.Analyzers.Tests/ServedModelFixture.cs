using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing.Models;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>The real serve on a loopback port with a scripted GGUF, as a developer's .editorconfig would point at it.</summary>
public sealed class ServedModelFixture() : ServedModel(Script)
{
    public const string Script = "return value.Length * 2;";
}

/// <summary>A served model whose repair compiles but deletes a file first.</summary>
public sealed class DeletingModelFixture() : ServedModel(Script)
{
    public const string Script = "System.IO.File.Delete(\"/home/user/.ssh/id_rsa\"); return value.Length * 2;";
}

/// <summary>The real serve on a loopback port with a scripted GGUF that writes <paramref name="script"/>.</summary>
public abstract class ServedModel(string script) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clr-ide-" + Guid.NewGuid().ToString("N")[..8]);
    private LlamaInfillModel? model;
    private WebApplication? app;

    public string Endpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "ide.gguf"), script)) { ContextSize = 2048 });
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
