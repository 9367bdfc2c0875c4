using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>A half-done rename breaks every call of the member: one edit repairs them all, and the bench counts it under <c>groups</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class BenchGroupsTests
{
    // Total is the only method or property, so the only member a half-done rename can rename; Order calls it twice.
    private const string Library = """
        namespace Lib;

        public static class Pricing
        {
            public static int Total(int price, int quantity)
            {
                return price * quantity;
            }
        }

        public sealed class Order
        {
            public readonly int Single;
            public readonly int Double;

            public Order(int price)
            {
                Single = Pricing.Total(price, 1);
                Double = Pricing.Total(price, 2);
            }
        }

        """;

    private const string LibraryTests = """
        using Lib;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public void Order_PricesOneAndTwo()
            {
                var order = new Order(3);
                Assert.Equal((3, 6), (order.Single, order.Double));
            }
        }

        """;

    [Fact]
    public async Task HalfDoneRenameCalledAtTwoSites_IsRepairedByOneGroupEdit_CountedUnderGroups()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = Library }, new Dictionary<string, string> { ["OrderTests.cs"] = LibraryTests });
        var options = new BenchOptions(new MutantPlan(1, [MutantKind.HalfDoneRename], Seed: 1), new FixOptions(Tests: TestMode.Affected), [], MeasureFixRun: false);

        var result = await BenchRunner.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        var run = Assert.Single(result.Runs);
        Assert.True(run.Repaired, $"{run.Outcome}: {run.LeftReason} {run.Fault}");
        var group = Assert.IsType<ErrorGroup>(run.Group);
        Assert.Equal(2, group.Errors.Count);
        var row = Assert.Single(BenchSummary.Of(result).BySource);
        Assert.Equal((BenchSummary.GroupsFamily, 1), (row.Name, row.Exact + row.Passes));
    }
}
