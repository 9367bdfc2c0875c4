namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class MissingArgumentRepairTests
{
    [Fact]
    public async Task DeletedArgument_CS7036_IsRestoredFromTheValueNamedLikeTheParameter_First()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Pricing
            {
                public static decimal Total(int count, decimal price) => count * price;

                public static decimal Order(int count, decimal unitPrice, decimal discount) => Total(count) - discount;
            }
            """, "CS7036");

        var first = snippet.Candidates[0];
        Assert.Equal("Pass 'unitPrice' for parameter 'price' of 'Pricing.Total(int, decimal)'", first.Title);
        Assert.Contains("=> Total(count, unitPrice) - discount;", await snippet.CompiledTextAsync(first));
        // Another value of the type compiles too: the ranking and the tests decide between them.
        Assert.Contains("=> Total(count, discount) - discount;", await snippet.CompiledTextAsync(
            snippet.Titled("Pass 'discount' for parameter 'price' of 'Pricing.Total(int, decimal)'")));
        Assert.True(snippet.Candidates.Count <= 8);
    }

    [Fact]
    public async Task DeletedFirstArgument_IsInsertedWhereTheOthersStillTypeCheck_NamedWhenThePositionIsAmbiguous()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Area
            {
                public static int Rectangle(int width, int height) => width * height;

                public static int Square(int side, string unit) => Rectangle(side) + unit.Length;
            }
            """, "CS7036");

        var texts = new List<string>();
        foreach (var candidate in snippet.Candidates)
        {
            texts.Add(await snippet.CompiledTextAsync(candidate));
        }

        Assert.Contains(texts, text => text.Contains("Rectangle(side, height: side)", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Rectangle(width: side, side)", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("Rectangle(side, unit", StringComparison.Ordinal) || text.Contains("Rectangle(unit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoOverloadTakesThatMany_CS1501_GetsTheArgumentFromAField()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public sealed class Labels
            {
                private readonly int maxLength = 10;

                public static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

                public static string Clip(string text, int max, string ellipsis) => Clip(text, max) + ellipsis;

                public string Show(string text) => Clip(text);
            }
            """, "CS1501");

        var first = snippet.Candidates[0];
        Assert.Equal("Pass 'maxLength' for parameter 'max' of 'Labels.Clip(string, int)'", first.Title);
        Assert.Contains("=> Clip(text, maxLength);", await snippet.CompiledTextAsync(first));
    }
}
