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

    // Sprache's shape: a test reaches Result.ToString; no test reaches Position.ToString, which overrides the same
    // object.ToString. A call through a member the solution does not declare is a call to every override in the world.
    private const string Overrides = """
        namespace Shop;

        public sealed class Position
        {
            public int Line => 1;

            public override string ToString() => "Line " + Line;
        }

        public interface IResult { }

        public sealed class Result : IResult
        {
            public override string ToString() => "failure";

            public static string Describe(object value) => value.ToString()!;
        }
        """;

    private const string OverrideTests = """
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public sealed class ResultTests
        {
            [Fact]
            public void Describes() => System.Diagnostics.Debug.Assert(new Result().ToString() == "failure");

            [Fact]
            public void DescribesAnything() => System.Diagnostics.Debug.Assert(Result.Describe(new Result()) == "failure");

            [Fact]
            public void ThroughItsInterface() => System.Diagnostics.Debug.Assert(((IResult)new Result()).ToString() == "failure");
        }
        """;

    [Fact]
    public async Task ChangedOverride_IsReachedThroughTheBaseTheFrameworkDeclares_OnlyWhenAsked()
    {
        var (solution, edits, project) = Changed("\"Line \" + Line", "\"Ln \" + Line", Overrides, OverrideTests);

        var anyCall = await ImpactedTests.FindAsync(solution, edits, [project]);
        var provable = await ImpactedTests.FindAsync(solution, edits, [project], throughExternalBases: false);

        Assert.Contains("Shop.Tests.ResultTests.DescribesAnything", anyCall!);
        Assert.Empty(provable!);
    }

    [Fact]
    public async Task ChangedOverride_CalledOnItsTypeOrThroughItsOwnInterface_IsReachedEitherWay()
    {
        var (solution, edits, project) = Changed("\"failure\";", "\"failed\";", Overrides, OverrideTests);

        var provable = await ImpactedTests.FindAsync(solution, edits, [project], throughExternalBases: false);

        Assert.Equal(["Shop.Tests.ResultTests.Describes", "Shop.Tests.ResultTests.ThroughItsInterface"], provable);
    }

    private static (Solution Solution, IReadOnlyList<FileEdit> Edits, Project Project) Changed(string from, string to, string library = Library, string tests = Tests)
    {
        var project = InMemoryProject.Create(("Xunit.cs", Framework), ("Shop.cs", library), ("Tests.cs", tests));
        var document = project.Documents.Single(document => document.Name == "Shop.cs");
        var original = SourceText.From(library);
        var updated = original.WithChanges(new TextChange(new TextSpan(library.IndexOf(from, StringComparison.Ordinal), from.Length), to));
        var solution = project.Solution.WithDocumentText(document.Id, updated);
        return (solution, [new FileEdit(document.FilePath!, original, updated)], solution.GetProject(project.Id)!);
    }
}
