namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class MissingReturnRepairTests
{
    [Fact]
    public async Task DeletedFinalReturn_CS0161_ReturnsTheLocalAssignedLast_DefaultLast()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Totals
            {
                private static readonly int Seed = 1;

                public static int Sum(int[] values)
                {
                    var count = values.Length;
                    var sum = 0;
                    foreach (var value in values)
                    {
                        sum += value;
                    }
                }
            }
            """, "CS0161");

        Assert.True(snippet.Candidates[0].Title == "Return 'sum' at the end of 'Sum'", string.Join(" | ", snippet.Titles));
        Assert.Equal("Return 'default' at the end of 'Sum'", snippet.Candidates[^1].Title);
        Assert.Contains(snippet.Titles, title => title == "Return 'Seed' at the end of 'Sum'");
        Assert.DoesNotContain(snippet.Titles, title => title.Contains("'value'", StringComparison.Ordinal) || title.Contains("'values'", StringComparison.Ordinal));
        Assert.Contains("""
                        sum += value;
                    }

                    return sum;
                }
            """.Replace("\r\n", "\n", StringComparison.Ordinal), await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }

    [Fact]
    public async Task AsyncMethod_ReturnsAValueOfTheTasksResult_NamedLikeTheMethod()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            using System.Threading.Tasks;

            public sealed class Catalog
            {
                private string title = "";

                private string code = "";

                public async Task<string> GetTitleAsync()
                {
                    await Task.Yield();
                    if (code.Length == 0)
                    {
                        return code;
                    }
                }
            }
            """, "CS0161");

        Assert.Equal("Return 'title' at the end of 'GetTitleAsync'", snippet.Candidates[0].Title);
        Assert.Contains("        return title;\n    }", await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }
}
