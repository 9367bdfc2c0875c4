namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

public sealed class UnassignedLocalRepairTests
{
    [Fact]
    public async Task LocalAssignedOnOnePath_CS0165_IsInitialisedWithWhatThatPathAssigns_ThenDefault()
    {
        var snippet = await TypeDirectedSnippet.RepairAsync("""
            public static class Signs
            {
                public static int Sign(int n)
                {
                    int sign;
                    if (n > 0)
                    {
                        sign = 1;
                    }
                    else if (n < 0)
                    {
                        sign = -1;
                    }

                    return sign;
                }
            }
            """, "CS0165");

        Assert.Equal(
            ["Initialise 'sign' with '1'", "Initialise 'sign' with '-1'", "Initialise 'sign' with 'n'", "Initialise 'sign' with 'default'"],
            snippet.Titles);
        Assert.Contains("int sign = 1;", await snippet.CompiledTextAsync(snippet.Candidates[0]));
        Assert.Contains("int sign = default;", await snippet.CompiledTextAsync(snippet.Candidates[^1]));
    }
}
