using System.Text.Json;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>fix --model with models whose repairs compile but are unsafe: the safety gate rejects them before any test run.</summary>
[Trait("Category", "EndToEnd")]
public sealed class UnsafeModelTests(UnsafeModelsFixture models) : IClassFixture<UnsafeModelsFixture>
{
    [Theory]
    [InlineData("delete", "unsafe — adds System.IO.File.Delete (file deletion)")]
    [InlineData("write", "unsafe — adds System.IO.File.WriteAllText (file write)")]
    [InlineData("process", "unsafe — adds System.Diagnostics.Process.Start (process start)")]
    [InlineData("connect", "unsafe — adds new System.Net.Sockets.TcpClient (network socket)")]
    [InlineData("md5", "unsafe — System.Security.Cryptography.MD5 is not on the allow-list (in Lib.Labels.Width(string))")]
    [InlineData("late", "unsafe — dynamic is late-bound (dynamic) (in Lib.Labels.Width(string))")]
    [InlineData("xml", "unsafe — System.Xml.XmlDocument.Save is not on the allow-list (in Lib.Labels.Width(string))")]
    public async Task Unsafe_repair_is_rejected_never_runs_and_nothing_is_written(string kind, string reason)
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels },
            new Dictionary<string, string> { ["LabelsTests.cs"] = LabelsSolution.LabelsTests });
        var labels = solution.File("Lib/Labels.cs");
        var before = File.ReadAllBytes(labels);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--model", models.Model(kind), "--context", "2048", "--candidates", "1", "--format", "json");

        Assert.True(exitCode == ExitCodes.FindingsRemain, error + output);
        Assert.Equal(before, File.ReadAllBytes(labels));
        Assert.True(File.Exists(models.Victim));
        Assert.False(File.Exists(models.Written));
        Assert.False(File.Exists(models.Marker));
        Assert.False(models.Listener.Pending());
        using var report = JsonDocument.Parse(output);
        var tried = report.RootElement.GetProperty("errors").EnumerateArray()
            .SelectMany(found => found.GetProperty("tried").EnumerateArray())
            .Single(candidate => candidate.GetProperty("source").GetString() == $"model:{kind}.gguf");
        Assert.Equal($"rejected: {reason}", tried.GetProperty("outcome").GetString());
        Assert.False(report.RootElement.TryGetProperty("tests", out var tests) && tests.ValueKind != JsonValueKind.Null, "the tests ran");
    }

    [Fact]
    public async Task Allowed_capability_lets_the_repair_through()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels });
        var labels = solution.File("Lib/Labels.cs");
        var before = File.ReadAllBytes(labels);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--model", models.Model("write"), "--context", "2048", "--candidates", "1",
            "--allow-capability", "file", "--tests", "none", "--dry-run", "--format", "json");

        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains("System.IO.File.WriteAllText", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(labels));
        Assert.False(File.Exists(models.Written));
    }

    [Fact]
    public async Task Pure_repair_of_the_model_is_chosen()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Labels.cs"] = LabelsSolution.BrokenLabels });

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "fix", solution.Directory, "--model", models.Model("pure"), "--context", "2048", "--candidates", "1", "--tests", "none", "--dry-run", "--format", "json");

        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains("System.Math.Max(name.Length, 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_capability_is_bad_input()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("fix", ".", "--allow-capability", "file,everything");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("'everything' is not a capability", error, StringComparison.Ordinal);
    }
}
