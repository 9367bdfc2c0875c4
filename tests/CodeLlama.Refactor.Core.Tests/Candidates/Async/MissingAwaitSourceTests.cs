using CodeLlama.Refactor.Candidates.Async;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Async;

public sealed class MissingAwaitSourceTests
{
    private const string Prices = """
        using System.Threading.Tasks;

        public sealed class Prices
        {
            public Task<int> LoadAsync() => Task.FromResult(40);

        """;

    [Fact]
    public async Task TaskUsedAsItsValue_InAnAsyncMethod_IsAwaited_AndNothingElseChanges()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0029", Prices + """
                public async Task<int> TotalAsync()
                {
                    await Task.Yield();
                    int price = LoadAsync();
                    return price + 2;
                }
            }
            """);

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Await 'LoadAsync()'", candidate.Title);
        Assert.Contains("int price = await LoadAsync();", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task TaskUsedAsItsValue_InASyncMethod_MakesItAsync_AndAwaitsItAtEveryCall()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0029", Prices + """
                public int Total()
                {
                    int price = LoadAsync();
                    return price + 2;
                }

                public int Doubled() => Total() * 2;

                public void Log()
                {
                    Total();
                }

                public string Name() => nameof(Total);
            }
            """);

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Await 'LoadAsync()' and make 'Total', 'Doubled', 'Log' async, awaiting its 2 call(s)", candidate.Title);
        var text = await snippet.CompiledTextAsync(candidate);
        Assert.Contains("public async Task<int> Total()\n    {\n        int price = await LoadAsync();", text);
        Assert.Contains("public async Task<int> Doubled() => await Total() * 2;", text);
        Assert.Contains("public async Task Log()\n    {\n        await Total();", text);
        Assert.Contains("=> nameof(Total);", text);
    }

    [Theory]
    [InlineData("CS4016", "public async Task<int> TwiceAsync()\n    {\n        await Task.Yield();\n        return LoadAsync();\n    }", "return await LoadAsync();")]
    [InlineData("CS1503", "public async Task<string> LabelAsync() => Label(LoadAsync());\n\n    private static string Label(int price) => $\"{price} EUR\";", "=> Label(await LoadAsync());")]
    [InlineData("CS0019", "public async Task<bool> DearAsync() => LoadAsync() > 30;", "=> await LoadAsync() > 30;")]
    public async Task TaskWhereItsValueBelongs_InAsyncCode_IsAwaitedInPlace(string id, string member, string expected)
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), id, Prices + "    " + member + "\n}\n");

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Contains(expected, await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task MemberOfTheTasksValue_IsReadFromTheAwaitedTask()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS1061", """
            using System.Threading.Tasks;

            public static class Names
            {
                public static Task<string> LoadAsync() => Task.FromResult("ada");

                public static async Task<int> LengthAsync() => LoadAsync().Length;
            }
            """);

        Assert.Contains("=> (await LoadAsync()).Length;", await snippet.CompiledTextAsync(Assert.Single(snippet.Candidates)));
    }

    [Fact]
    public async Task LocalHoldingTheTask_IsAwaitedWhereItIsInitialised_BeforeAtItsUse()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0019", Prices + """
                public async Task<bool> DearAsync()
                {
                    var price = LoadAsync();
                    return price > 30 && price < 100;
                }
            }
            """);

        Assert.Equal(2, snippet.Candidates.Count);
        var first = await snippet.CompiledTextAsync(snippet.Candidates[0]);
        Assert.Contains("var price = await LoadAsync();\n        return price > 30 && price < 100;", first);
        // Awaiting the use alone would leave the other use of the task broken: it comes after.
        Assert.StartsWith("Await 'price'", snippet.Candidates[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtensionMethodOfTheTasksValue_ThatCannotInferItsTypeOnTheTask_IsCalledOnTheAwaitedTask()
    {
        // With System.Collections.Immutable imported, `Any()` on a task is an inference failure (CS0411), not CS1061.
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0411", """
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;
            using System.Threading.Tasks;

            public static class Guards
            {
                public static Task<List<string>> UnmetAsync() => Task.FromResult(new List<string>());

                public static async Task<bool> MetAsync() => !UnmetAsync().Any();
            }
            """);

        Assert.Contains("=> !(await UnmetAsync()).Any();", await snippet.CompiledTextAsync(Assert.Single(snippet.Candidates)));
    }

    [Fact]
    public async Task EventHandler_BecomesAsyncVoid_AndOtherVoidMethodsAsyncTask()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0029", Prices + """
                public int Shown { get; private set; }

                public void OnClick(object sender, System.EventArgs e)
                {
                    int price = LoadAsync();
                    Shown = price;
                }
            }
            """);

        Assert.Contains("public async void OnClick(object sender, System.EventArgs e)", await snippet.CompiledTextAsync(Assert.Single(snippet.Candidates)));
    }

    [Fact]
    public async Task CallerInAnotherFile_IsAwaitedThere()
    {
        var snippet = await CandidateSnippet.RepairAsync(
            new MissingAwaitSource(),
            "CS0029",
            ("Prices.cs", Prices + "    public int Total() { int price = LoadAsync(); return price; }\n}\n"),
            ("Cart.cs", "using System.Threading.Tasks;\n\npublic static class Cart\n{\n    public static int Sum(Prices prices) => prices.Total() + 1;\n}\n"));

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Contains("public static async Task<int> Sum(Prices prices) => await prices.Total() + 1;", await snippet.CompiledTextAsync(candidate, "Cart.cs"));
    }

    [Theory]
    [InlineData("public int Price => LoadAsync();")]
    [InlineData("public Prices() { int price = LoadAsync(); }")]
    public async Task WhereNoFunctionCanBeAsync_NothingIsOffered(string member)
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0029", Prices + "    " + member + "\n}\n");

        Assert.Empty(snippet.Candidates);
    }

    [Fact]
    public async Task InterfaceImplementation_KeepsItsContract_SoNothingIsOffered()
    {
        var snippet = await CandidateSnippet.RepairAsync(new MissingAwaitSource(), "CS0029", Prices + """
                public interface ITotal
                {
                    int Total();
                }

                public sealed class Till : ITotal
                {
                    public int Total()
                    {
                        int price = new Prices().LoadAsync();
                        return price;
                    }
                }
            }
            """);

        Assert.Empty(snippet.Candidates);
    }
}
