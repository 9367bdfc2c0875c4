using CodeLlama.Refactor.Candidates.Refactoring;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Refactoring;

public sealed class ParamTagsTests
{
    private const string Declared = """
        public static class Tax
        {
            /// <summary>Gross.</summary>
            /// <param name="net">Net.</param>
            /// <param name="rate">Rate.</param>
            public static decimal Gross(decimal net, decimal rate) => net;
        }
        """;

    [Fact]
    public async Task ARenamedParameterKeepsItsText_AndANewOneGetsAnEmptyTagAfterTheLast()
    {
        var text = await ResignAsync(Declared, "(decimal amount, decimal rate, bool round)");

        Assert.Contains(
            "    /// <param name=\"amount\">Net.</param>\n    /// <param name=\"rate\">Rate.</param>\n    /// <param name=\"round\"></param>\n    public static decimal Gross(decimal amount, decimal rate, bool round) => net;",
            text);
    }

    [Fact]
    public async Task ARemovedParameterLosesItsTagLine()
    {
        var text = await ResignAsync(Declared, "(decimal net)");

        Assert.Contains("    /// <summary>Gross.</summary>\n    /// <param name=\"net\">Net.</param>\n    public static decimal Gross(decimal net) => net;", text);
    }

    [Fact]
    public async Task ACommentWithoutParamTags_IsLeftAsItIs()
    {
        var text = await ResignAsync("public static class Tax\n{\n    /// <summary>Gross.</summary>\n    public static decimal Gross(decimal net) => net;\n}\n", "(decimal net, decimal rate)");

        Assert.Contains("    /// <summary>Gross.</summary>\n    public static decimal Gross(decimal net, decimal rate) => net;", text);
    }

    private static async Task<string> ResignAsync(string code, string parameterList)
    {
        var document = InMemoryProject.Create(("Tax.cs", code)).Documents.Single();
        var method = (await document.GetSyntaxRootAsync())!.DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var edit = new GroupEdit();
        Declarations.Resign(edit, document.Id, method, "decimal", "Gross", parameterList);
        var solution = await edit.ApplyAsync(document.Project.Solution, CancellationToken.None);
        return (await solution!.GetDocument(document.Id)!.GetTextAsync()).ToString().ReplaceLineEndings("\n");
    }
}
