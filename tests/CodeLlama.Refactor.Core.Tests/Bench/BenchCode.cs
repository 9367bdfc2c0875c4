namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>A small library with a site for every kind of mutant, and tests that reach its members.</summary>
internal static class BenchCode
{
    public const string Pricing = """
        using System.Text;

        namespace Lib;

        public static class Pricing
        {
            public static int Total(int price, int quantity)
            {
                int total = price * quantity;
                return total;
            }

            public static string Describe(string name, int quantity)
            {
                var builder = new StringBuilder();
                builder.Append(name);
                builder.Append(quantity);
                return builder.ToString();
            }

            public static int Scaled(int amount) => Total(amount, 3);

            public static string Label(int amount) => Describe("bolt", amount);

            public static async Task<int> TotalLaterAsync(int price, int quantity)
            {
                int total = await Task.FromResult(Total(price, quantity));
                return total + 1;
            }
        }

        """;

    public const string PricingTests = """
        using Lib;
        using Xunit;

        public class PricingTests
        {
            [Fact]
            public void Total_MultipliesPriceByQuantity() => Assert.Equal(6, Pricing.Total(2, 3));

            [Fact]
            public void Scaled_TakesThree() => Assert.Equal(12, Pricing.Scaled(4));

            [Fact]
            public void Label_NamesTheBolt() => Assert.Equal("bolt5", Pricing.Label(5));

            [Fact]
            public async Task TotalLater_AddsOne() => Assert.Equal(7, await Pricing.TotalLaterAsync(2, 3));
        }

        """;
}
