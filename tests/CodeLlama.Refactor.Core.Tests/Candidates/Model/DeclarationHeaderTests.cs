using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Model;

public sealed class DeclarationHeaderTests
{
    private const string Item = """
        namespace Shop;

        public sealed class Item
        {
            public decimal Price { get; init; }

            public int Quantity { get; init; }

            public decimal Total() => Price * Quantity;

            private int Secret() => 0;
        }
        """;

    private const string Basket = """
        namespace Shop;

        public static class Basket
        {
            public static decimal Sum(Item item)
            {
                return item.Totl();
            }

            private static int Local() => 1;
        }
        """;

    [Fact]
    public async Task Lists_the_types_and_members_the_span_uses_from_other_files_only()
    {
        var document = InMemoryProject.Create(("Item.cs", Item), ("Basket.cs", Basket)).Documents.Single(document => document.Name == "Basket.cs");
        var model = (await document.GetSemanticModelAsync())!;
        var statement = Basket.IndexOf("return item.Totl();", StringComparison.Ordinal);

        var header = DeclarationHeader.For(model, new TextSpan(statement, "return item.Totl();".Length), default);

        Assert.StartsWith("// Declared in other files:\n", header, StringComparison.Ordinal);
        Assert.Contains("//   class Item\n", header, StringComparison.Ordinal);
        Assert.Contains("//     decimal Item.Total()\n", header, StringComparison.Ordinal);
        Assert.Contains("//     decimal Item.Price { get;", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Basket", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_span_that_uses_nothing_from_other_files_gets_no_header()
    {
        var document = InMemoryProject.Create(("Basket.cs", "public static class Basket { public static int Two() { return 1 + 1; } }")).Documents.Single();
        var model = (await document.GetSemanticModelAsync())!;
        var text = (await document.GetTextAsync()).ToString();
        var statement = text.IndexOf("return", StringComparison.Ordinal);

        Assert.Equal(string.Empty, DeclarationHeader.For(model, new TextSpan(statement, "return 1 + 1;".Length), default));
    }
}
