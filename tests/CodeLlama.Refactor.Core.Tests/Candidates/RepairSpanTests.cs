using CodeLlama.Refactor.Candidates.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Candidates;

public sealed class RepairSpanTests
{
    [Theory]
    [InlineData("class C { int M(string s) { var w = s * 2; return w; } }", "s * 2", "var w = s * 2;")]
    [InlineData("class C { int M(string s) { if (s != null) return s * 2; return 0; } }", "s * 2", "if (s != null) return s * 2;")]
    [InlineData("class C { int M(string s) { switch (s) { case \"a\": return s * 2; } return 0; } }", "s * 2", "return s * 2;")]
    [InlineData("class C { int M(string s) => s * 2; }", "s * 2", "int M(string s) => s * 2;")]
    [InlineData("class C { int f = \"a\" * 2; }", "\"a\" * 2", "int f = \"a\" * 2;")]
    public void The_smallest_statement_that_stands_alone_else_the_member(string code, string error, string expected)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        var start = code.IndexOf(error, StringComparison.Ordinal);

        var span = RepairSpan.For(root, new TextSpan(start, error.Length));

        Assert.NotNull(span);
        Assert.Equal(expected, code.Substring(span.Value.Start, span.Value.Length));
    }
}
