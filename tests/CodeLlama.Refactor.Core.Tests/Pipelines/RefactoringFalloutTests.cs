using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// The fallout of a refactoring, repaired as one edit per root cause in real solutions under git, with real tests that
/// tell the intended repair from one that merely compiles (a generated stub, the declaration reverted, a guessed argument).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RefactoringFalloutTests
{
    [Fact]
    public async Task RenameLeftHalfDoneAcrossThreeFiles_InTheWorkingTree_EverySiteIsRenamedInOneEdit()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Cart.cs"] = "namespace Shop;\n\npublic sealed class Cart\n{\n    public decimal ComputeTotal(int count) => count * 2.5m;\n}\n",
                ["Checkout.cs"] = "namespace Shop;\n\npublic static class Checkout\n{\n    public static decimal Pay(Cart cart) => cart.ComputeTotal(4) + 1m;\n}\n",
                ["Invoice.cs"] = "namespace Shop;\n\npublic static class Invoice\n{\n    public static string Line(Cart cart, int count) => $\"{count}: {cart.ComputeTotal(count)}\";\n}\n",
                ["Quote.cs"] = "namespace Shop;\n\npublic static class Quote\n{\n    public static decimal Twice(Cart cart) => cart.ComputeTotal(1) * 2;\n}\n",
            },
            new Dictionary<string, string> { ["ShopTests.cs"] = ShopTests("ComputeTotal") });
        await Git.InitAsync(solution.Directory);
        // The rename as left in the working tree: the declaration and the tests have the new name, three callers the old.
        Replace(solution, "Lib/Cart.cs", "ComputeTotal", "CalculateTotal");
        File.WriteAllText(solution.File("Lib.Tests/ShopTests.cs"), ShopTests("CalculateTotal"));

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        await AssertRepairedAsync(solution, result);
        Assert.All(result.Errors, record => Assert.Equal("refactoring", record.Source));
        Assert.All(result.Errors, record => Assert.Equal(3, record.Group?.Errors.Count));
        Assert.Contains("cart.CalculateTotal(4) + 1m", File.ReadAllText(solution.File("Lib/Checkout.cs")), StringComparison.Ordinal);
        Assert.Contains("{cart.CalculateTotal(count)}", File.ReadAllText(solution.File("Lib/Invoice.cs")), StringComparison.Ordinal);
        Assert.Contains("cart.CalculateTotal(1) * 2", File.ReadAllText(solution.File("Lib/Quote.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterfaceParameterRetyped_ChangedSinceHeadMinusOne_BothImplementersTakeTheNewTypeAndKeepTheirBodies()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["IShape.cs"] = "namespace Geo;\n\npublic interface IShape\n{\n    double Area(int scale);\n}\n",
                ["Square.cs"] = "namespace Geo;\n\npublic sealed class Square(double side) : IShape\n{\n    public double Area(int scale) => side * side * scale * scale;\n}\n",
                ["Circle.cs"] = "namespace Geo;\n\npublic sealed class Circle(double radius) : IShape\n{\n    public double Area(int factor)\n    {\n        var scaled = radius * factor;\n        return 3.0 * scaled * scaled;\n    }\n}\n",
            },
            new Dictionary<string, string>
            {
                ["ShapeTests.cs"] = """
                    using Geo;
                    using Xunit;

                    public class ShapeTests
                    {
                        [Fact]
                        public void Square_ScalesBothSides() => Assert.Equal(4.0, ((IShape)new Square(1.0)).Area(2));

                        [Fact]
                        public void Circle_ScalesTheRadius() => Assert.Equal(3.0, ((IShape)new Circle(1.0)).Area(1));
                    }
                    """,
            });
        await Git.InitAsync(solution.Directory);
        // The change under review: the interface takes a double, and a test uses it; the implementers were not updated.
        Replace(solution, "Lib/IShape.cs", "double Area(int scale);", "double Area(double scale);");
        Replace(solution, "Lib.Tests/ShapeTests.cs", "Assert.Equal(4.0, ((IShape)new Square(1.0)).Area(2));", "Assert.Equal(2.25, ((IShape)new Square(1.0)).Area(1.5));");
        await Git.CommitAllAsync(solution.Directory, "Shapes scale by any factor");
        var change = await GitChanges.ChangeSinceAsync(solution.Directory, "HEAD~1");

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions() { Change = change });

        await AssertRepairedAsync(solution, result);
        Assert.Equal(2, Assert.Single(result.Errors.Select(record => record.Group).Distinct())!.Errors.Count);
        Assert.Contains("public double Area(double scale) => side * side * scale * scale;", File.ReadAllText(solution.File("Lib/Square.cs")), StringComparison.Ordinal);
        Assert.Contains("public double Area(double factor)\n    {\n        var scaled = radius * factor;", File.ReadAllText(solution.File("Lib/Circle.cs")), StringComparison.Ordinal);
        Assert.Contains("double Area(double scale);", File.ReadAllText(solution.File("Lib/IShape.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParameterAdded_ChangedSinceHeadMinusOne_BothCallsPassTheInScopeValueOfItsName()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Tax.cs"] = "namespace Shop;\n\npublic static class Tax\n{\n    public static decimal Gross(decimal net) => net * 1.2m;\n}\n",
                ["Order.cs"] = "namespace Shop;\n\npublic static class Order\n{\n    public static decimal Total(decimal net, decimal rate) => Tax.Gross(net) + 1m;\n}\n",
                ["Receipt.cs"] = "namespace Shop;\n\npublic static class Receipt\n{\n    public static string Line(decimal amount, decimal discount, decimal rate) => $\"{Tax.Gross(amount - discount)}\";\n}\n",
            },
            new Dictionary<string, string>
            {
                ["TaxTests.cs"] = """
                    using Shop;
                    using Xunit;

                    public class TaxTests
                    {
                        [Fact]
                        public void Total_AppliesTheRate() => Assert.Equal(111m, Order.Total(100m, 0.1m));

                        [Fact]
                        public void Line_AppliesTheRate() => Assert.Equal("104.5", Receipt.Line(100m, 5m, 0.1m).TrimEnd('0'));
                    }
                    """,
            });
        await Git.InitAsync(solution.Directory);
        Replace(solution, "Lib/Tax.cs", "Gross(decimal net) => net * 1.2m;", "Gross(decimal net, decimal rate) => net * (1m + rate);");
        await Git.CommitAllAsync(solution.Directory, "The tax rate is a parameter");
        var change = await GitChanges.ChangeSinceAsync(solution.Directory, "HEAD~1");

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions() { Change = change });

        await AssertRepairedAsync(solution, result);
        Assert.Contains("=> Tax.Gross(net, rate) + 1m;", File.ReadAllText(solution.File("Lib/Order.cs")), StringComparison.Ordinal);
        Assert.Contains("{Tax.Gross(amount - discount, rate)}", File.ReadAllText(solution.File("Lib/Receipt.cs")), StringComparison.Ordinal);
    }

    private static string ShopTests(string totalName) => $$"""
        using Shop;
        using Xunit;

        public class ShopTests
        {
            [Fact]
            public void Total_IsTwoAndAHalfEach() => Assert.Equal(5m, new Cart().{{totalName}}(2));

            [Fact]
            public void Pay_AddsTheFee() => Assert.Equal(11m, Checkout.Pay(new Cart()));

            [Fact]
            public void Quote_IsTwice() => Assert.Equal(5m, Quote.Twice(new Cart()));
        }
        """;

    private static void Replace(TemporarySolution solution, string file, string old, string now)
    {
        var text = File.ReadAllText(solution.File(file));
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(solution.File(file), text.Replace(old, now, StringComparison.Ordinal));
    }

    // What a user checks after fix: it exits clean, the solution builds, every test passes, and no stub was written.
    private static async Task AssertRepairedAsync(TemporarySolution solution, FixResult result)
    {
        Assert.True(result.IsClean, string.Join("\n", result.Remaining) + "\n" + Describe(result));
        Assert.All(result.Errors, record => Assert.Equal(FixStatus.Fixed, record.Status));
        var (testExit, testOutput) = await DotnetCli.RunAsync(solution.Directory, "test", "-nologo");
        Assert.True(testExit == 0, testOutput);
        var sources = Directory.GetFiles(solution.Directory, "*.cs", SearchOption.AllDirectories).Where(path => !path.Contains("/obj/", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, path => File.ReadAllText(path).Contains("NotImplementedException", StringComparison.Ordinal));
    }

    private static string Describe(FixResult result) => string.Join("\n", result.Errors.Select(record =>
        $"{record.Error.Id} {record.Status} {record.Source}: {record.Title} | {string.Join(" | ", record.Tried.Select(tried => $"{tried.Source}: {tried.Title} ({tried.Outcome} {tried.Detail})"))}"));
}
