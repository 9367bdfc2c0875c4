using System.Text.Json;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Reports;

namespace CodeLlama.Refactor.Core.Tests.Bench;

public sealed class BenchReportTests
{
    [Fact]
    public void Summary_CountsOutcomesPerKindAndSource_AndPassAtKFromTheSamples()
    {
        var summary = BenchSummary.Of(BenchResults.OneOfEach());

        var typeMismatch = summary.ByKind.Single(row => row.Name == "type-mismatch");
        Assert.Equal((2, 0, 0, 1, 1), (typeMismatch.Mutants, typeMismatch.Exact, typeMismatch.Passes, typeMismatch.Left, typeMismatch.Wrong));
        Assert.Equal(["ide", "model", "none", "parser"], summary.BySource.Select(row => row.Name));
        var model = Assert.Single(summary.Models);
        Assert.Equal((4, 1, 2, 2, 0), (model.Mutants, model.PassAt1, model.PassAtK, model.K, model.Written));
        Assert.Equal(0.5, summary.All.RepairRate);
    }

    [Fact]
    public void Text_ShowsTheKindTable_TheModelScores_TheCost_AndAPartialRun()
    {
        using var writer = new StringWriter();

        BenchReport.Write(BenchResults.OneOfEach(interrupted: true), BenchFormat.Text, writer);

        var text = writer.ToString();
        Assert.Contains("| type-mismatch      |       2 |     0 |      0 |    1 |     1 |       0% |", text, StringComparison.Ordinal);
        Assert.Contains("| all                |       4 |     1 |      1 |    1 |     1 |      50% |", text, StringComparison.Ordinal);
        Assert.Contains("| model:m                        |       4 |    25% |    50% | 2 |       0 |", text, StringComparison.Ordinal);
        Assert.Contains("no source offered a candidate", text, StringComparison.Ordinal);
        Assert.Contains("4 × a fix run = 24.0 s", text, StringComparison.Ordinal);
        Assert.Contains("Interrupted after 4 of 4 mutant(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasTheVersionedHeader_TheTotals_AndOneEntryPerMutant()
    {
        using var writer = new StringWriter();

        BenchReport.Write(BenchResults.OneOfEach(), BenchFormat.Json, writer);

        using var json = JsonDocument.Parse(writer.ToString());
        var root = json.RootElement;
        Assert.Equal("bench", root.GetProperty("command").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(0.5, root.GetProperty("all").GetProperty("repaired").GetDouble());
        Assert.Equal(0.25, root.GetProperty("models")[0].GetProperty("passAt1").GetDouble());
        Assert.Equal(["exact", "passes", "left", "wrong"], root.GetProperty("runs").EnumerateArray().Select(run => run.GetProperty("outcome").GetString()));
        Assert.Equal("TestsFail", root.GetProperty("runs")[3].GetProperty("fault").GetString());
    }
}
