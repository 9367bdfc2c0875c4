namespace CodeLlama.Refactor.Testing;

/// <summary>A library and its test for bench scenarios that judge a model's repair of one statement.</summary>
public static class BenchSamples
{
    /// <summary>
    /// One statement holds every site of the statement kinds (misspelled name, type mismatch), so that a model's rewrite
    /// of it is judged on the same code whatever the seed.
    /// </summary>
    public const string Multiply = """
        namespace Lib;

        public static class Pricing
        {
            public static int Total(int price, int quantity)
            {
                int sum = price * quantity;
                return sum;
            }
        }

        """;

    /// <summary>A test of <see cref="Multiply"/> that reaches its statement.</summary>
    public const string MultiplyTests = """
        using Lib;
        using Xunit;

        public class PricingTests
        {
            [Fact]
            public void Total_MultipliesPriceByQuantity() => Assert.Equal(6, Pricing.Total(2, 3));
        }

        """;
}
