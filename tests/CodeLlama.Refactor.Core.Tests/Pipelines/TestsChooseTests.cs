using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Several candidates compile and the tests choose (real dotnet test runs of a real xunit project): in rank order, the
/// fixes of different members in one shared run, a failing test convicting only the candidate it reaches.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TestsChooseTests
{
    private const string PricingTests = """
        using Lib;
        using Xunit;

        public class PricingTests
        {
            [Fact]
            public void WithTax_AddsTwentyPercent() => Assert.Equal(12m, Pricing.WithTax(10m));

            [Fact]
            public void Double_IsTwice() => Assert.Equal(10, Pricing.Double(5));
        }
        """;

    [Fact]
    public async Task ThreeCandidatesCompile_TheFirstInRankOrderThatPassesIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = Pricing("TAXED", "count * 2") },
            new Dictionary<string, string> { ["PricingTests.cs"] = PricingTests });
        var options = new FixOptions(ExtraSources: [new FixedAlternatives("TAXED", ["price", "price * 2m", "price * 1.2m"])]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        var record = Assert.Single(result.Errors);
        Assert.Equal("'TAXED' → 'price * 1.2m'", record.Title);
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Equal(3, result.TestRuns);
        Assert.Equal([1], Runs(record, "'TAXED' → 'price'"));
        Assert.Equal([2], Runs(record, "'TAXED' → 'price * 2m'"));
        Assert.Equal([3], Runs(record, "'TAXED' → 'price * 1.2m'"));
        Assert.All(record.Tried.Where(tried => tried.Title is "'TAXED' → 'price'" or "'TAXED' → 'price * 2m'"),
            tried => Assert.Equal(Verdict.FailedTests, tried.Outcome));
        Assert.Contains("=> price * 1.2m;", File.ReadAllText(solution.File("Lib/Pricing.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoErrorsInDifferentMembers_ShareOneRun_WhenTheirFirstCandidatesPass()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = Pricing("TAXED", "DOUBLED") },
            new Dictionary<string, string> { ["PricingTests.cs"] = PricingTests });
        var options = new FixOptions(ExtraSources:
        [
            new FixedAlternatives("TAXED", ["price * 1.2m", "price"]),
            new FixedAlternatives("DOUBLED", ["count * 2", "count + 2"]),
        ]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Equal(1, result.TestRuns);
        Assert.All(result.Errors, record => Assert.Equal(
            [new CandidateTestRun(1, true, 1)], record.Tried.Single(tried => tried.Outcome == Verdict.Chosen).TestRuns!));
    }

    [Fact]
    public async Task SharedRunFails_OnlyTheCandidateItsFailingTestReaches_IsConvicted_TheInnocentIsAcceptedInTheSameRun()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = Pricing("TAXED", "DOUBLED") },
            new Dictionary<string, string> { ["PricingTests.cs"] = PricingTests });
        var options = new FixOptions(ExtraSources:
        [
            new FixedAlternatives("TAXED", ["price * 2m", "price * 1.2m"]),
            new FixedAlternatives("DOUBLED", ["count * 2", "count + 2"]),
        ]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);
        using var report = new StringWriter();
        FixReport.Write(result, ReportFormat.Text, report);

        var taxed = result.Errors.Single(record => record.Error.Message.Contains("TAXED", StringComparison.Ordinal));
        var doubled = result.Errors.Single(record => record.Error.Message.Contains("DOUBLED", StringComparison.Ordinal));
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Equal(2, result.TestRuns);
        Assert.Equal("'TAXED' → 'price * 1.2m'", taxed.Title);
        Assert.Equal("'DOUBLED' → 'count * 2'", doubled.Title);
        Assert.Equal(Verdict.FailedTests, taxed.Tried.Single(tried => tried.Title == "'TAXED' → 'price * 2m'").Outcome);
        var innocent = doubled.Tried.Single(tried => tried.Title == "'DOUBLED' → 'count * 2'").TestRuns!;
        Assert.Equal([new CandidateTestRun(1, true, 1)], innocent);
        Assert.Equal([new CandidateTestRun(1, false, 1)], taxed.Tried.Single(tried => tried.Title == "'TAXED' → 'price * 2m'").TestRuns!);
        Assert.Contains("run 1 failed (with 1 other fix(es))", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("run 1 passed (with 1 other fix(es))", report.ToString(), StringComparison.Ordinal);
        var written = File.ReadAllText(solution.File("Lib/Pricing.cs"));
        Assert.Contains("=> price * 1.2m;", written, StringComparison.Ordinal);
        Assert.Contains("=> count * 2;", written, StringComparison.Ordinal);
    }

    private static string Pricing(string tax, string doubled) => $$"""
        namespace Lib;

        public static class Pricing
        {
            public static decimal WithTax(decimal price) => {{tax}};

            public static int Double(int count) => {{doubled}};
        }
        """;

    private static int[] Runs(FixRecord record, string title) =>
        record.Tried.Single(tried => tried.Title == title).TestRuns?.Select(run => run.Run).ToArray() ?? [];
}
