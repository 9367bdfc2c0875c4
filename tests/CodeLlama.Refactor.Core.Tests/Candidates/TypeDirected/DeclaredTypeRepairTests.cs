namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class DeclaredTypeRepairTests
{
    [Fact]
    public async Task WrongDeclaredType_CS0029_BecomesTheExpressionsTypeOrVar()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Greeting
            {
                public static string Describe(int id) => $"#{id}";

                public static int Length(int id)
                {
                    int name = Describe(id);
                    return name.Length;
                }
            }
            """, "CS0029");

        Assert.Equal(
            ["Change the declared type 'int' to 'string'", "Change the declared type 'int' to 'var'"],
            snippet.Titles);
        Assert.Contains("string name = Describe(id);", await snippet.CompiledTextAsync(snippet.Candidates[0]));
        Assert.Contains("var name = Describe(id);", await snippet.CompiledTextAsync(snippet.Candidates[1]));
    }

    [Fact]
    public async Task WrongDeclaredType_InAFileThatDeclaresWithVar_OffersVarFirst()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Greeting
            {
                public static int Length(int id)
                {
                    var prefix = "#";
                    int name = prefix + id;
                    return name.Length;
                }
            }
            """, "CS0029");

        Assert.Equal("Change the declared type 'int' to 'var'", snippet.Candidates[0].Title);
        Assert.Contains("var name = prefix + id;", await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }

    [Fact]
    public async Task NarrowingDeclaration_CS0266_WidensTheDeclaration_NeverCasts()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Sizes
            {
                public static long Bytes(long blocks) => blocks * 4096;

                public static string Show(long blocks)
                {
                    int total = Bytes(blocks);
                    return total.ToString();
                }
            }
            """, "CS0266");

        Assert.Contains("long total = Bytes(blocks);", await snippet.CompiledTextAsync(snippet.Candidates[0]));
        Assert.DoesNotContain(snippet.Titles, title => title.Contains("(int)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SequenceReturnedWhereAListIsDeclared_IsConvertedWithoutLoss()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            using System.Collections.Generic;
            using System.Linq;

            public static class Numbers
            {
                public static List<int> Evens(int[] values)
                {
                    return values.Where(value => value % 2 == 0);
                }
            }
            """, "CS0266");

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Contains("return values.Where(value => value % 2 == 0).ToList();", await snippet.CompiledTextAsync(candidate));
    }
}
