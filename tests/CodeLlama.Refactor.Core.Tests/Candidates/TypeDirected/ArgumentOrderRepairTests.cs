namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class ArgumentOrderRepairTests
{
    [Fact]
    public async Task SwappedArguments_CS1503_AreReorderedSoThatTheyTypeCheck()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Report
            {
                public static string Line(int count, string label) => $"{label}: {count}";

                public static string Show(int count, string label) => Line(label, count);
            }
            """, "CS1503");

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Reorder the arguments of 'Report.Line(int, string)' to (count, label)", candidate.Title);
        Assert.Contains("=> Line(count, label);", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task DecimalWhereAnIntIsExpected_GetsNoCandidate_NeverATruncatingCast()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Stock
            {
                public static int Reserve(int units, string sku) => units + sku.Length;

                public static int Order(decimal amount, string sku) => Reserve(amount, sku);
            }
            """, "CS1503");

        Assert.Empty(snippet.Candidates);
    }
}
