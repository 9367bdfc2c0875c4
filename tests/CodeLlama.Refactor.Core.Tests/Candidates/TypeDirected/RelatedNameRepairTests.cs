namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class RelatedNameRepairTests
{
    [Fact]
    public async Task UnknownName_CS0103_BeyondSpellCheck_BecomesTheValueSharingItsWordsOrTheirSynonyms()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Tax
            {
                public static decimal Charge(decimal orderTotal, int count) => orderSum * 1.2m + count;
            }
            """, "CS0103");

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Use 'orderTotal' for 'orderSum'", candidate.Title);
        Assert.Contains("=> orderTotal * 1.2m + count;", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task UnknownName_ContainedInAValuesName_IsLeftToSpellCheck()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Tax
            {
                public static decimal Charge(decimal orderTotal) => total * 1.2m;
            }
            """, "CS0103");

        Assert.Empty(snippet.Candidates);
    }

    [Fact]
    public async Task UnknownMember_CS1061_BecomesTheReceiversMemberOfAFittingType()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            using System.Collections.Generic;

            public static class Bag
            {
                public static int Size(List<string> items) => items.Length;
            }
            """, "CS1061");

        Assert.Equal("Use 'Count' for 'Length'", snippet.Candidates[0].Title);
        Assert.Contains("=> items.Count;", await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }

    [Fact]
    public async Task UnknownStaticMember_CS0117_BecomesTheTypesStaticMemberWithARelatedName()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Limits
            {
                public const int MaxCount = 100;

                public static int Clamp(int value) => System.Math.Min(value, Limits.MaxSize);
            }
            """, "CS0117");

        Assert.Equal("Use 'MaxCount' for 'MaxSize'", snippet.Candidates[0].Title);
        Assert.Contains("System.Math.Min(value, Limits.MaxCount);", await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }
}
