using CodeLlama.Refactor.Candidates.Refactoring;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Refactoring;

public sealed class ErrorGroupsTests
{
    private const string Cart = "namespace Shop;\npublic class Cart\n{\n    public decimal CalculateTotal(int count) => count * 2m;\n}\n";

    [Fact]
    public async Task HalfDoneRename_ThreeFilesNamingTheOldName_FormOneGroup_ATypoElsewhereItsOwn()
    {
        var snippet = RefactoringSnippet.Of(
            ("Cart.cs", Cart),
            ("Checkout.cs", "namespace Shop;\npublic static class Checkout\n{\n    public static decimal Pay(Cart cart) => cart.ComputeTotal(3);\n}\n"),
            ("Invoice.cs", "namespace Shop;\npublic static class Invoice\n{\n    public static string Line(Cart cart, int n) => $\"{cart.ComputeTotal(n)}\";\n}\n"),
            ("Quote.cs", "namespace Shop;\npublic static class Quote\n{\n    public static decimal Twice(Cart cart) => cart.ComputeTotal(1) * 2;\n    public static int Size(int count) => cuont;\n}\n"));

        var groups = await snippet.GroupsAsync();

        Assert.Equal(2, groups.Count);
        var rename = groups.Single(group => group[0].Cause.Name == "ComputeTotal");
        Assert.Equal(RootCauseKind.MissingMember, rename[0].Cause.Kind);
        Assert.Equal(["Checkout.cs", "Invoice.cs", "Quote.cs"], rename.Select(error => error.Document.Name).Order().ToList());
        Assert.Single(groups.Single(group => group[0].Cause.Name == "cuont"));
    }

    [Fact]
    public async Task InterfaceParameterRetyped_ItsTwoImplementers_FormOneGroup()
    {
        var snippet = RefactoringSnippet.Of(
            ("IShape.cs", "namespace Geo;\npublic interface IShape\n{\n    double Area(double scale);\n}\n"),
            ("Square.cs", "namespace Geo;\npublic sealed class Square : IShape\n{\n    public double Area(int scale) => scale * scale;\n}\n"),
            ("Circle.cs", "namespace Geo;\npublic sealed class Circle : IShape\n{\n    public double Area(int scale) => 3.0 * scale * scale;\n}\n"));

        var group = Assert.Single(await snippet.GroupsAsync());

        Assert.Equal(new RootCause(RootCauseKind.BaseMember, "Geo.IShape.Area(double)"), group[0].Cause);
        Assert.Equal(["CS0535", "CS0535"], group.Select(error => error.Diagnostic.Id).ToList());
    }

    [Fact]
    public async Task AbstractMemberRetyped_TheOverridesErrors_AndTheTypesErrors_FormOneGroup()
    {
        var snippet = RefactoringSnippet.Of(
            ("Shape.cs", "namespace Geo;\npublic abstract class Shape\n{\n    public abstract double Area(double scale);\n}\n"),
            ("Square.cs", "namespace Geo;\npublic sealed class Square : Shape\n{\n    public override double Area(int scale) => scale * scale;\n}\n"));

        var group = Assert.Single(await snippet.GroupsAsync());

        Assert.Equal(["CS0115", "CS0534"], group.Select(error => error.Diagnostic.Id).Order().ToList());
        Assert.Equal("Geo.Shape.Area(double)", group[0].Cause.Name);
    }

    [Fact]
    public async Task ParameterAdded_BothCallSites_FormOneGroup_AnotherMethodsCallIsApart()
    {
        var snippet = RefactoringSnippet.Of(
            ("Tax.cs", "public static class Tax\n{\n    public static decimal Gross(decimal net, decimal rate) => net * rate;\n    public static int Half(int value) => value / 2;\n}\n"),
            ("Use.cs", "public static class Use\n{\n    public static decimal A(decimal rate) => Tax.Gross(10m);\n    public static decimal B(decimal rate) => Tax.Gross(20m) + Tax.Half();\n}\n"));

        var groups = await snippet.GroupsAsync();

        Assert.Equal(2, Assert.Single(groups, group => group[0].Cause.Name == "Tax.Gross(decimal, decimal)").Count);
        Assert.Single(Assert.Single(groups, group => group[0].Cause.Name == "Tax.Half(int)"));
        Assert.All(groups, group => Assert.Equal(RootCauseKind.ChangedMember, group[0].Cause.Kind));
    }
}
