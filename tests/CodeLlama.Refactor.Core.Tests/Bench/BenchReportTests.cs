using System.Text.Json;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates;
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
    public void Summary_CountsARepairByAGroupCandidateUnderGroups_WhateverItsSource()
    {
        var result = BenchResults.OneOfEach();
        var runs = result.Runs.ToList();
        runs[1] = runs[1] with { Group = new ErrorGroup("missing member 'Total'", []) };

        var summary = BenchSummary.Of(result with { Runs = runs });

        Assert.Equal(["groups", "model", "none", "parser"], summary.BySource.Select(row => row.Name));
        var groups = summary.BySource.Single(row => row.Name == BenchSummary.GroupsFamily);
        Assert.Equal((1, 0, 1), (groups.Mutants, groups.Exact, groups.Passes));
    }

    [Fact]
    public void Cost_IsTheTotalAgainstNTimesAFixRun_InTextJsonAndHtml()
    {
        var result = BenchResults.OneOfEach();

        Assert.Equal(TimeSpan.FromSeconds(24), result.FixRuns);
        Assert.Equal(40.0 / 24, result.CostInFixRuns!.Value, precision: 6);
        Assert.Contains("4 × a fix run = 24.0 s, and the bench took 1.7 × that", Written(result, BenchFormat.Text), StringComparison.Ordinal);
        Assert.Contains("4 × a fix run = 24.0 s (the bench took 1.7 × that)", Written(result, BenchFormat.Html), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Written(result, BenchFormat.Json));
        Assert.Equal(6.0, json.RootElement.GetProperty("fixRunSeconds").GetDouble());
        Assert.Equal(24.0, json.RootElement.GetProperty("fixRunsSeconds").GetDouble());
        Assert.Equal(1.67, json.RootElement.GetProperty("costInFixRuns").GetDouble());
    }

    [Fact]
    public void Cost_IsLeftOut_WhenNoFixRunWasTimed()
    {
        var result = BenchResults.OneOfEach() with { FixRun = null };

        Assert.Null(result.CostInFixRuns);
        Assert.DoesNotContain("× a fix run", Written(result, BenchFormat.Text), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Written(result, BenchFormat.Json));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("costInFixRuns").ValueKind);
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

    private static string Written(BenchResult result, BenchFormat format)
    {
        using var writer = new StringWriter();
        BenchReport.Write(result, format, writer);
        return writer.ToString();
    }
}
