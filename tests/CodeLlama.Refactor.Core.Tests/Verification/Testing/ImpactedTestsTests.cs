using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

public sealed class ImpactedTestsTests
{
    private const string Framework = """
        namespace Xunit;

        public sealed class FactAttribute : System.Attribute { }
        """;

    private const string Library = """
        namespace Shop;

        public interface IPricing { decimal Price(int count); }

        public sealed class Calculator
        {
            public int Add(int a, int b) => a + b;
        }

        public sealed class Pricing : IPricing
        {
            public decimal Price(int count) => count * 2m;
        }

        public sealed class Basket(IPricing pricing)
        {
            private readonly Calculator calculator = new();

            public int Total(int a, int b) => calculator.Add(a, b);

            public decimal Cost => pricing.Price(3);
        }
        """;

    private const string Tests = """
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public sealed class BasketTests
        {
            [Fact]
            public void Total_AddsBothCounts() => System.Diagnostics.Debug.Assert(new Basket(new Pricing()).Total(2, 3) == 5);

            [Fact]
            public void Cost_PricesThree() => System.Diagnostics.Debug.Assert(new Basket(new Pricing()).Cost == 6m);

            public sealed class Nested
            {
                [Fact]
                public void Adds() => System.Diagnostics.Debug.Assert(new Calculator().Add(1, 1) == 2);
            }
        }

        public sealed class UnrelatedTests
        {
            [Fact]
            public void Nothing() { }
        }
        """;

    [Fact]
    public async Task ChangedMember_SelectsTheTestsThatReachItThroughAnotherClass()
    {
        var (solution, edits, project) = Changed("a + b", "b + a");

        var impacted = await ImpactedTests.FindAsync(solution, edits, [project]);

        Assert.Equal(["Shop.Tests.BasketTests+Nested.Adds", "Shop.Tests.BasketTests.Total_AddsBothCounts"], impacted);
    }

    [Fact]
    public async Task ChangedImplementation_IsReachedThroughItsInterface()
    {
        var (solution, edits, project) = Changed("count * 2m", "count * 2.0m");

        var impacted = await ImpactedTests.FindAsync(solution, edits, [project]);

        Assert.Equal(["Shop.Tests.BasketTests.Cost_PricesThree"], impacted);
    }

    [Fact]
    public async Task ChangeToATypesShape_CannotBeBounded()
    {
        var (solution, edits, project) = Changed("public sealed class Calculator", "public class Calculator");

        Assert.Null(await ImpactedTests.FindAsync(solution, edits, [project]));
    }

    private static (Solution Solution, IReadOnlyList<FileEdit> Edits, Project Project) Changed(string from, string to)
    {
        var project = InMemoryProject.Create(("Xunit.cs", Framework), ("Shop.cs", Library), ("Tests.cs", Tests));
        var document = project.Documents.Single(document => document.Name == "Shop.cs");
        var original = SourceText.From(Library);
        var updated = original.WithChanges(new TextChange(new TextSpan(Library.IndexOf(from, StringComparison.Ordinal), from.Length), to));
        var solution = project.Solution.WithDocumentText(document.Id, updated);
        return (solution, [new FileEdit(document.FilePath!, original, updated)], solution.GetProject(project.Id)!);
    }
}
