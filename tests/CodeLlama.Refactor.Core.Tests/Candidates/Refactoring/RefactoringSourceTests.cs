using CodeLlama.Refactor.Candidates.Refactoring;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Refactoring;

public sealed class RefactoringSourceTests
{
    private const string CartBefore = "namespace Shop;\npublic class Cart\n{\n    public decimal ComputeTotal(int count) => count * 2m;\n}\n";
    private const string Cart = "namespace Shop;\npublic class Cart\n{\n    public decimal CalculateTotal(int count) => count * 2m;\n}\n";

    private static RefactoringSnippet HalfDoneRename() => RefactoringSnippet.Of(
        ("Cart.cs", Cart),
        ("Checkout.cs", "namespace Shop;\npublic static class Checkout\n{\n    public static decimal Pay(Cart cart) => cart.ComputeTotal(3);\n}\n"),
        ("Quote.cs", "namespace Shop;\npublic static class Quote\n{\n    public static decimal Twice(Cart cart) => cart.ComputeTotal(1) * 2;\n}\n"));

    [Fact]
    public async Task HalfDoneRename_WithTheChange_CompletesEverySiteInOneCandidate_AndOffersTheRevert()
    {
        var candidates = await HalfDoneRename().CandidatesAsync("CS1061", CartBefore, Cart);

        Assert.Equal(
            ["Complete the rename of 'ComputeTotal' to 'CalculateTotal' at 2 site(s)", "Revert the declaration: rename 'CalculateTotal' back to 'ComputeTotal'"],
            candidates.Select(candidate => candidate.Title).ToList());
        Assert.All(candidates, candidate => Assert.Equal(2, candidate.Group!.Errors.Count));
        Assert.Contains("cart.CalculateTotal(3)", await RefactoringSnippet.CompiledTextAsync(candidates[0], "Checkout.cs"));
        Assert.Contains("cart.CalculateTotal(1) * 2", await RefactoringSnippet.CompiledTextAsync(candidates[0], "Quote.cs"));
        Assert.Contains("public decimal ComputeTotal(int count) => count * 2m;", await RefactoringSnippet.CompiledTextAsync(candidates[1], "Cart.cs"));
    }

    [Fact]
    public async Task HalfDoneRename_WithoutTheChange_FindsTheOneMemberOfASimilarNameAndShape()
    {
        var candidates = await HalfDoneRename().CandidatesAsync("CS1061");

        Assert.Equal("Rename 'ComputeTotal' to 'CalculateTotal' at 2 site(s)", candidates[0].Title);
        Assert.Contains("cart.CalculateTotal(3)", await RefactoringSnippet.CompiledTextAsync(candidates[0], "Checkout.cs"));
        Assert.Equal("Rename the declaration 'CalculateTotal' back to 'ComputeTotal'", candidates[1].Title);
    }

    [Fact]
    public async Task MissingName_WithTwoSimilarMembers_GetsNoGuessedRename()
    {
        var snippet = RefactoringSnippet.Of(
            ("Cart.cs", "public class Cart\n{\n    public decimal CalculateTotal(int count) => count;\n    public decimal ComputeTotals(int count) => count;\n}\n"),
            ("Use.cs", "public static class Use\n{\n    public static decimal Pay(Cart cart) => cart.ComputeTotal(3);\n}\n"));

        Assert.Empty(await snippet.CandidatesAsync("CS1061"));
    }

    [Fact]
    public async Task InterfaceParameterRetyped_ImplementersGetTheNewSignature_AndKeepTheirBodies()
    {
        const string Before = "namespace Geo;\npublic interface IShape\n{\n    double Area(int scale);\n}\n";
        const string After = "namespace Geo;\npublic interface IShape\n{\n    double Area(double scale);\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("IShape.cs", After),
            ("Square.cs", "namespace Geo;\npublic sealed class Square : IShape\n{\n    public double Area(int size) => size * size;\n}\n"),
            ("Circle.cs", "namespace Geo;\npublic sealed class Circle : IShape\n{\n    public double Area(int scale) => 3.0 * scale * scale;\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS0535", Before, After);

        var sync = candidates[0];
        Assert.Equal("Give 2 implementer(s) the signature of 'Geo.IShape.Area(double)', keeping their bodies", sync.Title);
        Assert.Contains("public double Area(double size) => size * size;", await RefactoringSnippet.CompiledTextAsync(sync, "Square.cs"));
        Assert.Contains("public double Area(double scale) => 3.0 * scale * scale;", await RefactoringSnippet.CompiledTextAsync(sync, "Circle.cs"));
        Assert.Contains("double Area(int scale);", await RefactoringSnippet.CompiledTextAsync(candidates[1], "IShape.cs"));
        Assert.DoesNotContain(candidates, candidate => candidate.Title.Contains("throw", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ParameterRetypedToAList_EachCallConvertsItsSequence_AndTheRevertIsOffered()
    {
        const string Before = "using System.Collections.Generic;\npublic static class Stats\n{\n    public static int Count(IEnumerable<int> values) => 0;\n}\n";
        const string After = "using System.Collections.Generic;\npublic static class Stats\n{\n    public static int Count(IReadOnlyList<int> values) => values.Count;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Stats.cs", After),
            ("Use.cs", "using System.Collections.Generic;\nusing System.Linq;\npublic static class Use\n{\n    public static int A(IEnumerable<int> items) => Stats.Count(items);\n    public static int B(int[] items) => Stats.Count(items.Where(item => item > 0)) + 1;\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS1503", Before, After);

        Assert.Equal("Complete the change of 'Count' at 2 call(s)", candidates[0].Title);
        var use = await RefactoringSnippet.CompiledTextAsync(candidates[0], "Use.cs");
        Assert.Contains("=> Stats.Count(items.ToList());", use);
        Assert.Contains("=> Stats.Count(items.Where(item => item > 0).ToList()) + 1;", use);
        // The body was written for the new type (values.Count): the revert is offered, and compilation will refuse it.
        Assert.Equal("Revert the declaration of 'Count' to (IEnumerable<int> values)", candidates[1].Title);
    }

    [Fact]
    public async Task ParameterRetypedWithoutAConversion_IsOnlyReverted()
    {
        const string Before = "public static class Tax\n{\n    public static decimal Gross(decimal net) => net;\n}\n";
        const string After = "public static class Tax\n{\n    public static decimal Gross(string net) => 0m;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Tax.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static decimal A(decimal amount) => Tax.Gross(amount);\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS1503", Before, After);

        Assert.Equal(["Revert the declaration of 'Gross' to (decimal net)"], candidates.Select(candidate => candidate.Title).ToList());
    }

    [Fact]
    public async Task OneOverloadGainsAParameter_ItsCallsAreCompleted_AndItsOverloadIsLeftAlone()
    {
        const string Before = "public static class Log\n{\n    public static string Write(string text) => text;\n    public static string Write(string text, int level) => text + level;\n}\n";
        const string After = "public static class Log\n{\n    public static string Write(string text) => text;\n    public static string Write(string text, int level, bool flush) => text + level;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Log.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static string A(bool flush) => Log.Write(\"a\", 1);\n    public static string B(bool flush) => Log.Write(\"b\", 2) + Log.Write(\"c\");\n}\n"));

        var candidates = await snippet.CandidatesAsync(null, Before, After);

        var use = await RefactoringSnippet.CompiledTextAsync(candidates[0], "Use.cs");
        Assert.Contains("=> Log.Write(\"a\", 1, flush);", use);
        Assert.Contains("=> Log.Write(\"b\", 2, flush) + Log.Write(\"c\");", use);
        var revert = await RefactoringSnippet.CompiledTextAsync(candidates.Single(candidate => candidate.Title.StartsWith("Revert", StringComparison.Ordinal)), "Log.cs");
        Assert.Equal(Before, revert);
    }

    [Fact]
    public async Task InterfaceParameterRetyped_ALocalFedByTheParameterTakesTheNewTypeToo()
    {
        const string Before = "using System.Collections.Generic;\npublic interface IReport\n{\n    int Lines(List<string> rows);\n}\n";
        const string After = "using System.Collections.Generic;\npublic interface IReport\n{\n    int Lines(IReadOnlyList<string> rows);\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("IReport.cs", After),
            ("Csv.cs", "using System.Collections.Generic;\npublic sealed class Csv : IReport\n{\n    public int Lines(List<string> rows)\n    {\n        List<string> kept = rows;\n        return kept.Count + 1;\n    }\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS0535", Before, After);

        var csv = await RefactoringSnippet.CompiledTextAsync(candidates[0], "Csv.cs");
        Assert.Contains("public int Lines(IReadOnlyList<string> rows)\n    {\n        IReadOnlyList<string> kept = rows;\n        return kept.Count + 1;", csv);
    }

    [Fact]
    public async Task ParameterAdded_EachCallGetsTheInScopeValueOfItsNameAndType()
    {
        const string Before = "public static class Tax\n{\n    public static decimal Gross(decimal net) => net;\n}\n";
        const string After = "public static class Tax\n{\n    public static decimal Gross(decimal net, decimal rate) => net * rate;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Tax.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static decimal A(decimal rate, decimal other) => Tax.Gross(10m);\n    public static decimal B(decimal rate) => Tax.Gross(20m) + 1;\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS7036", Before, After);

        Assert.Equal(RefactoringSource.SourceName, candidates[0].Source);
        var text = await RefactoringSnippet.CompiledTextAsync(candidates[0], "Use.cs");
        Assert.Contains("=> Tax.Gross(10m, rate);", text);
        Assert.Contains("=> Tax.Gross(20m, rate) + 1;", text);
        var revert = candidates.Single(candidate => candidate.Title == "Revert the declaration of 'Gross' to (decimal net)");
        var tax = await revert.Solution.Projects.Single().Documents.Single(document => document.Name == "Tax.cs").GetTextAsync();
        Assert.Contains("public static decimal Gross(decimal net) => net * rate;", tax.ToString());
    }

    [Fact]
    public async Task ParameterAdded_WithNoValueOfItsName_OnlyGuesses_WhichTheTestsMustChoose()
    {
        const string Before = "public static class Tax\n{\n    public static decimal Gross(decimal net) => net;\n}\n";
        const string After = "public static class Tax\n{\n    public static decimal Gross(decimal net, decimal rate) => net * rate;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Tax.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static decimal A(decimal factor) => Tax.Gross(10m);\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS7036", Before, After);

        var guesses = candidates.Where(candidate => candidate.Source == RefactoringSource.GuessSourceName).ToList();
        Assert.Equal(2, guesses.Count);
        Assert.True(CodeLlama.Refactor.Candidates.TypeDirected.Guesses.IsGuess(guesses[0].Source));
        Assert.Contains("Tax.Gross(10m, factor)", await RefactoringSnippet.CompiledTextAsync(guesses[0], "Use.cs"));
        Assert.Contains("Tax.Gross(10m, default)", await RefactoringSnippet.CompiledTextAsync(guesses[1], "Use.cs"));
    }

    [Fact]
    public async Task ParameterAddedToAnExtensionMethod_CallsOnTheReceiverAndWithNamedArguments_AreCompleted()
    {
        const string Before = "public static class Guards\n{\n    public static int Positive(this int value, string name = \"\", string message = \"\") => value;\n}\n";
        const string After = "public static class Guards\n{\n    public static int Positive(this int value, int limit, string name = \"\", string message = \"\") => value < limit ? limit : value;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Guards.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static int A(int limit, int x) => x.Positive(message: \"m\");\n    public static int B(int limit, int x) => Guards.Positive(x, \"b\");\n}\n"));

        var candidates = await snippet.CandidatesAsync(null, Before, After);

        var use = await RefactoringSnippet.CompiledTextAsync(candidates[0], "Use.cs");
        Assert.Contains("=> x.Positive(limit, message: \"m\");", use);
        Assert.Contains("=> Guards.Positive(x, limit, \"b\");", use);
    }

    [Fact]
    public async Task ParameterAdded_TheRevertAlsoTakesBackTheNewParamTag()
    {
        const string Before = "public static class Tax\n{\n    /// <summary>Gross.</summary>\n    /// <param name=\"net\">Net.</param>\n    public static decimal Gross(decimal net) => net;\n}\n";
        const string After = "public static class Tax\n{\n    /// <summary>Gross.</summary>\n    /// <param name=\"net\">Net.</param>\n    /// <param name=\"rate\">Rate.</param>\n    public static decimal Gross(decimal net, decimal rate) => net;\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Tax.cs", After),
            ("Use.cs", "public static class Use\n{\n    public static decimal A() => Tax.Gross(10m);\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS7036", Before, After);

        var revert = candidates.Single(candidate => candidate.Title.StartsWith("Revert", StringComparison.Ordinal));
        Assert.Equal(Before, await RefactoringSnippet.CompiledTextAsync(revert, "Tax.cs"));
    }

    [Fact]
    public async Task ReturnTypeChanged_ALocalOfTheOldTypeTakesTheNewOne_AndTheRevertIsOffered()
    {
        const string Before = "using System.Collections.Generic;\npublic static class Store\n{\n    public static List<string> Names() => new List<string>();\n}\n";
        const string After = "using System.Collections.Generic;\npublic static class Store\n{\n    public static IReadOnlyList<string> Names() => new List<string>();\n}\n";
        var snippet = RefactoringSnippet.Of(
            ("Store.cs", After),
            ("Use.cs", "using System.Collections.Generic;\npublic static class Use\n{\n    public static int A()\n    {\n        List<string> names = Store.Names();\n        return names.Count;\n    }\n}\n"));

        var candidates = await snippet.CandidatesAsync("CS0266", Before, After);

        Assert.Equal(
            ["Complete the change of 'Names' at 1 use(s): locals take 'IReadOnlyList<string>'", "Revert the declaration of 'Names' to return 'List<string>'"],
            candidates.Select(candidate => candidate.Title).ToList());
        Assert.Contains("IReadOnlyList<string> names = Store.Names();", await RefactoringSnippet.CompiledTextAsync(candidates[0], "Use.cs"));
        Assert.Equal(Before, await RefactoringSnippet.CompiledTextAsync(candidates[1], "Store.cs"));
    }

    [Fact]
    public async Task ACallOverSeveralLines_KeepsItsLineBreaks_WhenAnArgumentIsAddedOrRemoved()
    {
        const string Before = "public static class Tax\n{\n    public static decimal Gross(decimal net, decimal fee) => net + fee;\n}\n";
        const string Added = "public static class Tax\n{\n    public static decimal Gross(decimal net, decimal fee, decimal rate) => (net + fee) * rate;\n}\n";
        const string Removed = "public static class Tax\n{\n    public static decimal Gross(decimal net) => net;\n}\n";
        const string Use = "public static class Use\n{\n    public static decimal A(decimal rate) => Tax.Gross(\n        10m,\n        2m);\n}\n";

        var added = await RefactoringSnippet.Of(("Tax.cs", Added), ("Use.cs", Use)).CandidatesAsync(null, Before, Added);
        var removed = await RefactoringSnippet.Of(("Tax.cs", Removed), ("Use.cs", Use)).CandidatesAsync(null, Before, Removed);

        Assert.Contains("=> Tax.Gross(\n        10m,\n        2m, rate);", await RefactoringSnippet.CompiledTextAsync(added[0], "Use.cs"));
        Assert.Contains("=> Tax.Gross(\n        10m);", await RefactoringSnippet.CompiledTextAsync(removed[0], "Use.cs"));
    }
}
