using System.Text.Json;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class FixCommandTests
{
    [Theory]
    [InlineData("--max-iterations", "0")]
    [InlineData("--max-iterations", "many")]
    [InlineData("--tests", "sometimes")]
    [InlineData("--test-timeout", "-5")]
    public async Task BadOptionValue_IsBadInput(string option, string value)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("fix", ".", option, value);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("error:", error);
    }

    [Fact]
    public async Task DryRunJson_ReportsEachErrorWithItsChosenSource_AndExitsZeroWhenEverythingWouldBuild()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var stock = File.ReadAllText(Path.Combine(sample.Directory, "src", "Inventory", "Stock.cs"));

        var (exitCode, output, _) = await CliRunner.RunAsync("fix", sample.Directory, "--dry-run", "--tests", "none", "--format", "json");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(stock, File.ReadAllText(Path.Combine(sample.Directory, "src", "Inventory", "Stock.cs")));
        using var report = JsonDocument.Parse(output);
        var errors = report.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(6, errors.Count);
        Assert.All(errors, error => Assert.Equal("fixed", error.GetProperty("status").GetString()));
        Assert.Contains(errors, error => error.GetProperty("source").GetString() == "roslyn:SpellCheck");
        Assert.Empty(report.RootElement.GetProperty("remaining").EnumerateArray());
        Assert.All(report.RootElement.GetProperty("files").EnumerateArray(),
            file => Assert.Equal("dryrun", file.GetProperty("status").GetString()));
    }
}
