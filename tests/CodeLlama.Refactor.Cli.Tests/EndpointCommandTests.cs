using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>fix/doc with --endpoint against the real server on a loopback port, and serve's refusals.</summary>
[Trait("Category", "EndToEnd")]
public sealed class EndpointCommandTests(ModelFilesFixture models) : IClassFixture<ModelFilesFixture>
{
    [Fact]
    public async Task Doc_through_an_endpoint_run_by_serve_writes_the_models_sentence()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.DocModel) { ContextSize = 4096 });
        await using var app = InfillServer.Create(model, new ServerOptions(Port: 0));
        await app.StartAsync();
        using var sample = Samples.Copy(Samples.Undocumented);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", app.Urls.Single(), "--max-parallel", "2");

        await app.StopAsync();
        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains($"/// {ModelFilesFixture.DocScript}", File.ReadAllText(Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_with_an_instruction_prompt_through_serve_asks_the_chat_route_and_the_verified_repair_is_written()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.InstructFixModel) { ContextSize = 4096 });
        await using var app = InfillServer.Create(model, new ServerOptions(Port: 0));
        await app.StartAsync();
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels },
            new Dictionary<string, string> { ["LabelsTests.cs"] = LabelsSolution.LabelsTests });

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--endpoint", app.Urls.Single(), "--repair-prompt", "instruct", "--candidates", "1", "--format", "json");

        await app.StopAsync();
        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains(ModelFilesFixture.FixScript, File.ReadAllText(solution.File("Lib/Labels.cs")), StringComparison.Ordinal);
        Assert.True(model.Statistics.Requests > 0, "serve answered no request");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_refused_with_exit_code_2_before_anything_is_written()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs");
        var before = File.ReadAllText(circle);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", "http://127.0.0.1:9", "--request-timeout", "5");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("Cannot reach", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(circle));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9", true, "not both")]
    [InlineData("ftp://models.example", false, "must be an http:// or https:// URL")]
    public async Task A_bad_endpoint_choice_is_bad_input(string endpoint, bool withModel, string expected)
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);

        string[] model = withModel ? ["--model", models.FixModel] : [];

        var (exitCode, _, error) = await CliRunner.RunAsync(["fix", sample.Directory, .. model, "--endpoint", endpoint]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--model", "missing.gguf")]
    public async Task Serve_refuses_bad_input_with_exit_code_2(string option, string value)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("serve", option, value);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("error:", error, StringComparison.Ordinal);
    }
}
