using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>Where no test can choose: only a candidate clearly ahead is written, and nothing the tests did not see.</summary>
[Trait("Category", "EndToEnd")]
public sealed class WithoutTestsTests
{
    private const string Pricing = """
        namespace Lib;

        public static class Pricing
        {
            public static int Double(int count) => DOUBLED;

            public static int Triple(int count) => TRIPLED;
        }
        """;

    [Fact]
    public async Task TiedCandidates_AreAmbiguous_NothingWritten_AndTheClearWinnerIs()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Pricing.cs"] = Pricing });
        var options = new FixOptions(
            Tests: TestMode.None,
            ExtraSources: [new FixedAlternatives("DOUBLED", ["count * 2", "count + count"], tied: true), new FixedAlternatives("TRIPLED", ["count * 3"])]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);
        using var text = new StringWriter();
        FixReport.Write(result, ReportFormat.Text, text);
        using var json = new StringWriter();
        FixReport.Write(result, ReportFormat.Json, json);
        using var sarif = new StringWriter();
        FixReport.Write(result, ReportFormat.Sarif, sarif);

        var doubled = result.Errors.Single(record => record.Error.Message.Contains("DOUBLED", StringComparison.Ordinal));
        var tripled = result.Errors.Single(record => record.Error.Message.Contains("TRIPLED", StringComparison.Ordinal));
        Assert.Equal(FixStatus.Ambiguous, doubled.Status);
        Assert.Equal(["'DOUBLED' → 'count * 2'", "'DOUBLED' → 'count + count'"],
            doubled.Tried.Where(tried => tried.Outcome == Verdict.Tied).Select(tried => tried.Title).Order(StringComparer.Ordinal));
        Assert.Equal(FixStatus.Fixed, tripled.Status);
        var written = File.ReadAllText(solution.File("Lib/Pricing.cs"));
        Assert.Contains("=> count * 3;", written, StringComparison.Ordinal);
        Assert.Contains("=> DOUBLED;", written, StringComparison.Ordinal);
        Assert.Contains("ambiguous, nothing written", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"status\": \"ambiguous\"", json.ToString(), StringComparison.Ordinal);
        var messages = System.Text.Json.JsonDocument.Parse(sarif.ToString()).RootElement.GetProperty("runs")[0].GetProperty("results")
            .EnumerateArray().Select(entry => entry.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.Contains(messages, message => message!.Contains("ambiguous, not written", StringComparison.Ordinal) && message.Contains("count + count", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FixTheTestsCouldNotRunOn_IsNotWritten_AndSaysWhy()
    {
        // The error in generated code is never repaired, so the library never compiles and its tests cannot run.
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Pricing.cs"] = Pricing.Replace("DOUBLED", "count * 2", StringComparison.Ordinal),
                ["Client.g.cs"] = "namespace Lib;\n\npublic static class Client\n{\n    public static int Port => Defalt;\n\n    public const int Default = 80;\n}\n",
            },
            new Dictionary<string, string> { ["PricingTests.cs"] = "using Lib;\nusing Xunit;\n\npublic class PricingTests\n{\n    [Fact]\n    public void Triple() => Assert.Equal(9, Pricing.Triple(3));\n}\n" });
        var before = File.ReadAllText(solution.File("Lib/Pricing.cs"));

        var result = await FixPipeline.RunAsync(
            SolutionPath.Resolve(solution.Directory), new FixOptions(ExtraSources: [new FixedAlternatives("TRIPLED", ["count * 3"])]));

        var tripled = result.Errors.Single(record => record.Error.Message.Contains("TRIPLED", StringComparison.Ordinal));
        Assert.Equal(FixStatus.NotTested, tripled.Status);
        Assert.Equal("'TRIPLED' → 'count * 3'", tripled.Title);
        Assert.Equal(ReasonKind.TestsBlocked, tripled.Reason?.Kind);
        Assert.Contains("other errors remain", FixReport.Reason(tripled), StringComparison.Ordinal);
        Assert.Null(result.Tests);
        Assert.Equal(before, File.ReadAllText(solution.File("Lib/Pricing.cs")));
    }

    [Fact]
    public async Task OnlyCandidateIsALossyCast_NothingWritten_ItIsShownAsASuggestion()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Money.cs"] = "namespace Lib;\n\npublic static class Money\n{\n    public static int Whole(decimal amount)\n    {\n        int whole = amount;\n        return whole;\n    }\n}\n",
        });
        var before = File.ReadAllText(solution.File("Lib/Money.cs"));

        var result = await FixPipeline.RunAsync(
            SolutionPath.Resolve(solution.Directory), new FixOptions(Tests: TestMode.None, ExtraSources: [new FixedAlternatives("amount", ["(int)amount"])]));
        using var text = new StringWriter();
        FixReport.Write(result, ReportFormat.Text, text);

        var record = Assert.Single(result.Errors);
        Assert.NotEqual(FixStatus.Fixed, record.Status);
        var suggestion = Assert.Single(record.Tried, tried => tried.Source == "fixed");
        Assert.Equal(Verdict.AddsLossyCast, suggestion.Outcome);
        Assert.Equal("never a fix: it adds a narrowing or lossy cast (decimal → int)", FixReport.Words(suggestion));
        Assert.Contains("suggestion, not written (fixed: 'amount' → '(int)amount')", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(solution.File("Lib/Money.cs")));
    }
}
