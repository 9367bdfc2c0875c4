using CodeLlama.Refactor.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>"Fix with Code Llama" passes the same capability gate as <c>fix --model</c>.</summary>
public sealed class ModelCodeFixSafetyTests(DeletingModelFixture served) : IClassFixture<DeletingModelFixture>
{
    private const string Broken = """
        public static class Sizes
        {
            public static int Twice(string value)
            {
                return value * 2;
            }
        }
        """;

    [Fact]
    public async Task Completion_that_deletes_a_file_is_not_applied()
    {
        var document = ModelCodeFixTests.Document(Broken, served.Endpoint);

        var changed = await RepairAsync(document);

        Assert.Equal((await document.GetTextAsync()).ToString(), (await changed.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task Completion_that_deletes_a_file_is_applied_where_editorconfig_allows_files()
    {
        var document = ModelCodeFixTests.Document(Broken, served.Endpoint, "codellama_refactor.allowed_capabilities = file\n");

        var changed = await RepairAsync(document);

        Assert.Contains(DeletingModelFixture.Script, (await changed.GetTextAsync()).ToString(), StringComparison.Ordinal);
    }

    private static async Task<Document> RepairAsync(Document document)
    {
        var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");
        var action = Assert.Single(await ModelCodeFixTests.ActionsAsync(new ModelRepairCodeFixProvider(), document, error));
        return await ModelCodeFixTests.ApplyAsync(action, document);
    }
}
