using CodeLlama.Refactor.Candidates.Async;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Async;

/// <summary>`fix` on a task-returning method whose callers forgot to await it; the tests run, so they are few.</summary>
[Trait("Category", "EndToEnd")]
public sealed class MissingAwaitFixTests
{
    [Fact]
    public async Task TwoCallersLackAwait_OneNotYetAsync_BothAwaitAndTheSyncOneBecomesAsyncWithItsTests()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["PriceList.cs"] = """
                    namespace Lib;

                    public sealed class PriceList
                    {
                        private readonly Dictionary<string, int> prices = new() { ["tea"] = 3, ["cake"] = 5 };

                        public async Task<int> PriceAsync(string item)
                        {
                            await Task.Yield();
                            return prices[item];
                        }
                    }
                    """,
                ["Checkout.cs"] = """
                    namespace Lib;

                    public sealed class Checkout(PriceList prices)
                    {
                        public async Task<int> TotalAsync(string[] items)
                        {
                            var total = 0;
                            foreach (var item in items)
                            {
                                int price = prices.PriceAsync(item);
                                total += price;
                            }

                            return total;
                        }

                        public int WithTip(string item)
                        {
                            int price = prices.PriceAsync(item);
                            return price + 1;
                        }
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                // Wrong values tell a repair that merely compiles (a default, another local) from the awaited price.
                ["CheckoutTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class CheckoutTests
                    {
                        [Fact]
                        public async Task Total_SumsThePrices() => Assert.Equal(8, await new Checkout(new PriceList()).TotalAsync(["tea", "cake"]));

                        [Fact]
                        public void WithTip_AddsOneToThePrice() => Assert.Equal(6, new Checkout(new PriceList()).WithTip("cake"));
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        Assert.True(result.IsClean, string.Join("; ", result.Remaining.Select(error => error.Message)));
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, record => Assert.Equal((FixStatus.Fixed, MissingAwaitSource.SourceName), (record.Status, record.Source)));
        var checkout = File.ReadAllText(solution.File("Lib/Checkout.cs")).ReplaceLineEndings("\n");
        var tests = File.ReadAllText(solution.File("Lib.Tests/CheckoutTests.cs"));
        Assert.Contains("            int price = await prices.PriceAsync(item);\n            total += price;", checkout);
        Assert.Contains("    public async Task<int> WithTip(string item)\n    {\n        int price = await prices.PriceAsync(item);", checkout);
        Assert.Contains("public async Task WithTip_AddsOneToThePrice() => Assert.Equal(6, await new Checkout(new PriceList()).WithTip(\"cake\"));", tests);
        Assert.All(new[] { checkout, tests }, text => Assert.DoesNotMatch(@"\.Result\b|\.Wait\(|GetResult\(|#pragma", text));
    }
}
