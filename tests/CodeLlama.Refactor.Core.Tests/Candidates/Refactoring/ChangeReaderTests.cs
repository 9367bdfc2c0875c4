using CodeLlama.Refactor.Candidates.Refactoring;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Refactoring;

public sealed class ChangeReaderTests
{
    [Fact]
    public void MethodRenamed_KeepingItsSignature_IsARename()
    {
        var change = Assert.Single(ChangeReader.Read(
            "namespace Shop;\npublic class Cart\n{\n    public decimal ComputeTotal(int count) => count;\n    public int Size() => 1;\n}\n",
            "namespace Shop;\npublic class Cart\n{\n    public decimal CalculateTotal(int count) => count;\n    public int Size() => 1;\n}\n"));

        Assert.Equal(DeclarationChangeKinds.Renamed, change.Kinds);
        Assert.Equal(("ComputeTotal", "CalculateTotal"), (change.Before.Name, change.After.Name));
        Assert.Equal("Shop.Cart", change.After.TypeName);
    }

    [Fact]
    public void ParameterAdded_NamesItsPositionAndType()
    {
        var change = Assert.Single(ChangeReader.Read(
            "public static class Tax { public static decimal Gross(decimal net) => net; }",
            "public static class Tax { public static decimal Gross(decimal net, decimal rate) => net * rate; }"));

        Assert.Equal(DeclarationChangeKinds.ParameterAdded, change.Kinds);
        Assert.Equal([(1, new ParameterShape("decimal", "rate", null))], change.Added);
        Assert.Equal("(decimal net)", change.Before.ParameterList);
    }

    [Fact]
    public void InterfaceParameterRetyped_AndReturnTypeChanged_AreBothSeen()
    {
        var changes = ChangeReader.Read(
            "namespace Geo;\npublic interface IShape\n{\n    double Area(int scale);\n    int Sides();\n}\n",
            "namespace Geo;\npublic interface IShape\n{\n    double Area(double scale);\n    long Sides();\n}\n");

        Assert.Equal(2, changes.Count);
        Assert.All(changes, change => Assert.True(change.After.InInterface));
        Assert.Equal(DeclarationChangeKinds.ParameterRetyped, changes.Single(change => change.After.Name == "Area").Kinds);
        Assert.Equal(DeclarationChangeKinds.ReturnTypeChanged, changes.Single(change => change.After.Name == "Sides").Kinds);
    }

    [Fact]
    public void ParameterRemoved_NamesItsOldPosition()
    {
        var change = Assert.Single(ChangeReader.Read(
            "class Log { void Write(string text, int level, bool flush) { } }",
            "class Log { void Write(string text, bool flush) { } }"));

        Assert.Equal(DeclarationChangeKinds.ParameterRemoved, change.Kinds);
        Assert.Equal([1], change.Removed);
    }

    [Fact]
    public void OneOverloadReSigned_IsTheChange_ItsUnchangedOverloadsAreNot()
    {
        var change = Assert.Single(ChangeReader.Read(
            "class Log { void Write(string text) { } void Write(string text, int level) { } void Write(int code, int level) { } }",
            "class Log { void Write(string text) { } void Write(string text, int level, bool flush) { } void Write(int code, int level) { } }"));

        Assert.Equal(DeclarationChangeKinds.ParameterAdded, change.Kinds);
        Assert.Equal("(string text, int level)", change.Before.ParameterList);
        Assert.Equal([(2, new ParameterShape("bool", "flush", null))], change.Added);
    }

    [Fact]
    public void OverloadsChangedTogether_AreNotPairedByGuess()
    {
        Assert.Empty(ChangeReader.Read(
            "class Log { void Write(string text) { } void Write(int code) { } }",
            "class Log { void Write(string text, bool flush) { } void Write(int code, bool flush) { } }"));
    }

    [Fact]
    public void NewFile_OrBodyOnlyEdit_IsNoDeclarationChange()
    {
        Assert.Empty(ChangeReader.Read(null, "class A { int F() => 1; }"));
        Assert.Empty(ChangeReader.Read("class A { int F() => 1; }", "class A { int F() => 2; int G() => 3; }"));
    }
}
