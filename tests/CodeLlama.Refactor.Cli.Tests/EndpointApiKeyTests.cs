using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>doc --endpoint against serve with an API key: the key travels from the environment, never from a file.</summary>
[Collection(EnvironmentCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EndpointApiKeyTests(ModelFilesFixture models) : IClassFixture<ModelFilesFixture>
{
    private const string Key = "key-from-the-environment";

    [Theory]
    [InlineData(Key, ExitCodes.Success)]
    [InlineData(null, ExitCodes.BadInput)]
    [InlineData("another-key", ExitCodes.BadInput)]
    public async Task Doc_through_a_keyed_serve_works_only_with_its_key_in_the_environment(string? environmentKey, int expectedExit)
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.DocModel) { ContextSize = 4096 });
        await using var app = InfillServer.Create(model, new ServerOptions(Port: 0, ApiKey: Key));
        await app.StartAsync();
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs");
        var before = File.ReadAllText(circle);
        var saved = Environment.GetEnvironmentVariable(EndpointOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(EndpointOptions.ApiKeyEnvironmentVariable, environmentKey);
        (int ExitCode, string Out, string Error) run;
        try
        {
            run = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", app.Urls.Single());
        }
        finally
        {
            Environment.SetEnvironmentVariable(EndpointOptions.ApiKeyEnvironmentVariable, saved);
            await app.StopAsync();
        }

        Assert.True(run.ExitCode == expectedExit, run.Error);
        if (expectedExit == ExitCodes.Success)
        {
            Assert.Contains($"/// {ModelFilesFixture.DocScript}", File.ReadAllText(circle), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(EndpointOptions.ApiKeyEnvironmentVariable, run.Error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllText(circle));
        }
    }
}
