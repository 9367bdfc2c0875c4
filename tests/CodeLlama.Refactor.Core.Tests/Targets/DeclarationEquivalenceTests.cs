using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Core.Tests.Targets;

/// <summary>
/// An edit keeps a document's declarations when only code inside members changes, and that code cannot give a type a
/// field of its own: what decides whether other members and other projects are compiled again.
/// </summary>
public sealed class DeclarationEquivalenceTests
{
    private static readonly CSharpParseOptions Latest = new(LanguageVersion.Preview);

    [Theory]
    [InlineData("class C { int M() => 1; }", "class C { int M() => 2; }")]
    [InlineData("class C { int x = 1; }", "class C { int x = 2; }")]
    [InlineData("class C(int p) { int M() => 0; }", "class C(int p) { int M() => p; }")]
    public void CodeInsideMembers_KeepsTheDeclarations(string before, string after) =>
        Assert.True(DeclarationEquivalence.AreKept(Root(before), Root(after)));

    [Theory]
    [InlineData("class C { const int X = 1; }", "class C { const int X = 2; }")]
    [InlineData("class C { void M(int a = 1) { } }", "class C { void M(int a = 2) { } }")]
    [InlineData("class C { void M() { } }", "class C { void M() {\n#nullable enable\n } }")]
    public void ADeclarationEdit_DoesNotKeepThem(string before, string after) =>
        Assert.False(DeclarationEquivalence.AreKept(Root(before), Root(after)));

    // Top-level equivalent, yet a field may appear or go: the property has a backing field only while an accessor uses
    // `field` (constructors must assign it, a struct's layout holds it), and a struct's primary constructor parameter
    // read in a member is captured into a field of the struct.
    [Theory]
    [InlineData("struct S { public string P { get => \"\"; set => _ = value; } }", "struct S { public string P { get => field ?? \"\"; set => field = value; } }")]
    [InlineData("class C { public string P { get => field; set => field = value; } int M() => 1; }", "class C { public string P { get => field; set => field = value; } int M() => 2; }")]
    [InlineData("struct S(string p) { public int M() => 0; }", "struct S(string p) { public int M() => p.Length; }")]
    public void CodeThatMayDeclareAField_DoesNotKeepThem(string before, string after)
    {
        Assert.True(SyntaxFactory.AreEquivalent(Root(before), Root(after), topLevel: true));
        Assert.False(DeclarationEquivalence.AreKept(Root(before), Root(after)));
    }

    private static SyntaxNode Root(string code) => CSharpSyntaxTree.ParseText(code, Latest).GetRoot();
}
