using System.Text.Json;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>fix and doc with a real GGUF model run through llama.cpp: the tests' scripted model, a random one, and bad files.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ModelCommandTests(ModelFilesFixture models) : IClassFixture<ModelFilesFixture>
{
    [Fact]
    public async Task Doc_with_model_puts_the_models_sentence_into_the_summaries_and_the_result_verifies()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs");

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--model", models.DocModel, "--context", "4096");

        Assert.True(exitCode == ExitCodes.Success, error);
        var text = File.ReadAllText(circle);
        Assert.Contains($"/// <summary>{Environment.NewLine}", text.Replace("\r\n", Environment.NewLine, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"/// {ModelFilesFixture.DocScript}", text, StringComparison.Ordinal);
        var (checkExit, checkOutput, _) = await CliRunner.RunAsync("check", sample.Directory);
        Assert.True(checkExit == ExitCodes.Success, checkOutput);
    }

    [Fact]
    public async Task Doc_with_model_and_parallel_documents_several_files_at_once_in_slots_and_the_result_verifies()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "doc", sample.Directory, "--model", models.DocModel, "--context", "4096", "--parallel", "3");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("context 1365 tokens in each of 3 slots", output + error, StringComparison.Ordinal);
        Assert.Contains($"/// {ModelFilesFixture.DocScript}", File.ReadAllText(Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs")), StringComparison.Ordinal);
        var (checkExit, checkOutput, _) = await CliRunner.RunAsync("check", sample.Directory);
        Assert.True(checkExit == ExitCodes.Success, checkOutput);
    }

    [Fact]
    public async Task Doc_refuses_parallel_with_an_endpoint_which_takes_max_parallel_instead()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", "http://127.0.0.1:9", "--parallel", "2");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--max-parallel", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_with_model_repairs_an_operator_on_the_wrong_types_and_the_tests_pass()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels },
            new Dictionary<string, string> { ["LabelsTests.cs"] = LabelsSolution.LabelsTests });

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--model", models.FixModel, "--context", "4096", "--candidates", "2", "--format", "json");

        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains(ModelFilesFixture.FixScript, File.ReadAllText(solution.File("Lib/Labels.cs")), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(output);
        var fixedError = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("model:fix.gguf", fixedError.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Fix_with_a_random_model_has_every_model_candidate_rejected_and_writes_nothing()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels });
        var before = File.ReadAllText(solution.File("Lib/Labels.cs"));

        var (exitCode, output, _) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--model", models.RandomModel, "--context", "2048", "--candidates", "3",
            "--max-new-tokens", "12", "--tests", "none", "--format", "json");

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Equal(before, File.ReadAllText(solution.File("Lib/Labels.cs")));
        using var report = JsonDocument.Parse(output);
        var tried = report.RootElement.GetProperty("errors").EnumerateArray()
            .SelectMany(error => error.GetProperty("tried").EnumerateArray())
            .Where(candidate => candidate.GetProperty("source").GetString() == "model:random.gguf")
            .ToList();
        Assert.NotEmpty(tried);
        Assert.All(tried, candidate => Assert.StartsWith("rejected", candidate.GetProperty("outcome").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-gguf", "not a GGUF model file")]
    [InlineData("truncated", "truncated")]
    [InlineData("no-infill", "no infill tokens")]
    [InlineData("unknown-architecture", "llama.cpp cannot load it (architecture 'mystery')")]
    [InlineData("huge-context", "--context: 2000000000 is out of range")]
    [InlineData("gpu-without-cuda", "needs a GPU backend")]
    [InlineData("missing", "does not exist")]
    public async Task A_model_that_cannot_be_used_is_refused_up_front_with_one_line_and_exit_code_2(string kind, string expected)
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = Path.Combine(sample.Directory, "src", "Geometry", "Circle.cs");
        var before = File.ReadAllText(circle);
        var (model, extra) = BadModel(kind);

        var (exitCode, _, error) = await CliRunner.RunAsync(["doc", sample.Directory, "--model", model, .. extra]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(circle));
    }

    private (string Path, string[] Extra) BadModel(string kind)
    {
        var path = models.In($"{kind}.gguf");
        switch (kind)
        {
            case "not-gguf":
                File.WriteAllText(path, "This is a README, not a model.\n");
                return (path, []);
            case "truncated":
                var bytes = File.ReadAllBytes(models.DocModel);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                return (path, []);
            case "no-infill":
                return (TestModels.WriteRandom(path, new TinyLlamaShape(WithInfillTokens: false)), []);
            case "unknown-architecture":
                return (TestModels.WriteRandom(path, new TinyLlamaShape(Architecture: "mystery")), []);
            case "huge-context":
                return (models.DocModel, ["--context", "2000000000"]);
            case "gpu-without-cuda":
                return (models.DocModel, ["--gpu-layers", "8"]);
            default:
                return (path, []);
        }
    }
}
