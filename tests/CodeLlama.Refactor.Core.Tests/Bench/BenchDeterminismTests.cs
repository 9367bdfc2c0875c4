using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>
/// The bench on the repository's own sample, as a user would run it: the same seed gives the same report twice (times
/// apart), progress says which mutant of how many and the time left, Ctrl+C still gives a report, and the sample's
/// files are byte for byte what they were.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class BenchDeterminismTests
{
    // Every field of the JSON report that holds a time: they differ between two runs, and nothing else may.
    private static readonly string[] TimeFields = ["totalSeconds", "fixRunSeconds", "fixRunsSeconds", "costInFixRuns", "seconds", "meanSeconds"];

    private static readonly BenchOptions Options = new(
        new MutantPlan(3, [MutantKind.Syntax, MutantKind.MisspelledName, MutantKind.DeletedReturn], Seed: 5),
        new FixOptions(Tests: TestMode.None),
        [],
        MeasureFixRun: true);

    [Fact]
    public async Task SameSeedOnTheSample_GivesTheSameTextAndJsonApartFromTimes_ReportsProgress_AndLeavesEveryFileAsItWas()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var path = SolutionPath.Resolve(sample.Directory);
        var before = TreeSnapshot.Take(sample.CopyRoot);
        var progress = new Recorded();

        var first = await BenchRunner.RunAsync(path, Options, progress);
        var second = await BenchRunner.RunAsync(path, Options);

        Assert.Equal(3, first.Runs.Count);
        Assert.Contains(first.Runs, run => run.Repaired);
        Assert.Equal(WithoutTimes(Written(first, BenchFormat.Text)), WithoutTimes(Written(second, BenchFormat.Text)));
        Assert.Equal(JsonWithoutTimes(first), JsonWithoutTimes(second));
        Assert.Equal("", TreeSnapshot.Difference(before, TreeSnapshot.Take(sample.CopyRoot)));

        // One report before each mutant (the time left is known from the second on), and one at the end.
        Assert.Equal([0, 1, 2, 3], progress.Reports.Select(report => report.Done));
        Assert.All(progress.Reports, report => Assert.Equal(3, report.Total));
        Assert.Equal(first.Runs.Select(run => run.Mutant.Number), progress.Reports.Take(3).Select(report => report.Next!.Number));
        Assert.Null(progress.Reports[0].Left);
        Assert.All(progress.Reports.Skip(1), report => Assert.NotNull(report.Left));
        Assert.Null(progress.Reports[^1].Next);
        Assert.NotNull(first.FixRun);
        Assert.Contains("3 × a fix run = ", Written(first, BenchFormat.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledAfterTheFirstMutant_GivesThePartialReport_AndLeavesEveryFileAsItWas()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var before = TreeSnapshot.Take(sample.CopyRoot);
        using var cancel = new CancellationTokenSource();
        var options = Options with { MeasureFixRun = false };

        // As Ctrl+C would, once the first mutant is done and the second is about to start.
        var result = await BenchRunner.RunAsync(SolutionPath.Resolve(sample.Directory), options, new Recorded(report =>
        {
            if (report.Done == 1)
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.True(result.Interrupted);
        Assert.False(result.IsClean);
        Assert.Equal(3, result.Mutants);
        Assert.Single(result.Runs);
        Assert.Contains("Interrupted after 1 of 3 mutant(s): this report is partial.", Written(result, BenchFormat.Text), StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(Written(result, BenchFormat.Json))!["interrupted"]!.GetValue<bool>());
        Assert.Equal("", TreeSnapshot.Difference(before, TreeSnapshot.Take(sample.CopyRoot)));
    }

    private static string Written(BenchResult result, BenchFormat format)
    {
        using var writer = new StringWriter();
        BenchReport.Write(result, format, writer);
        return writer.ToString();
    }

    // In the text, times are the only numbers with a decimal point (counts and percentages are whole); the spaces that
    // right-align them in a column go with them.
    private static string WithoutTimes(string text) => Decimal().Replace(text, " #");

    private static string JsonWithoutTimes(BenchResult result)
    {
        var json = JsonNode.Parse(Written(result, BenchFormat.Json))!;
        Strip(json);
        return json.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var field in TimeFields)
                {
                    obj.Remove(field);
                }

                foreach (var (_, value) in obj)
                {
                    Strip(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }

    [GeneratedRegex(@" *\d+\.\d+")]
    private static partial Regex Decimal();

    // Progress<T> would post to the thread pool: the reports are wanted in order, as they are made.
    private sealed class Recorded(Action<BenchProgress>? then = null) : IProgress<BenchProgress>
    {
        public List<BenchProgress> Reports { get; } = [];

        public void Report(BenchProgress value)
        {
            Reports.Add(value);
            then?.Invoke(value);
        }
    }
}
