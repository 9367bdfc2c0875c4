using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Candidates;

public sealed class MissingTokenSourceTests
{
    [Theory]
    [InlineData(
        "static class C\n{\n    static int F(int a)\n    {\n        var b = (a + 1;\n        return b\n    }\n}\n",
        "static class C\n{\n    static int F(int a)\n    {\n        var b = (a + 1);\n        return b;\n    }\n}\n")]
    [InlineData(
        "static class C\n{\n    static void F(int a)\n    {\n        if (a > 0\n        {\n            F(a - 1)\n        }\n    }\n}\n",
        "static class C\n{\n    static void F(int a)\n    {\n        if (a > 0)\n        {\n            F(a - 1);\n        }\n    }\n}\n")]
    public async Task SemicolonBeforeBrace_ReportedAtTheBraceAfterAReparse_IsInsertedAfterThePreviousToken(string broken, string repaired)
    {
        var document = InMemoryProject.Create(broken).Documents.Single();
        var source = new MissingTokenSource();
        var reported = new List<string>();

        for (var round = 0; round < 3 && await FirstSyntaxErrorAsync(document) is { } error; round++)
        {
            var text = await document.GetTextAsync();
            reported.Add(text.ToString(error.Location.SourceSpan));
            var candidates = await source.GetCandidatesAsync(document, error, CancellationToken.None);
            Assert.NotEmpty(candidates);
            document = candidates[0].Solution.GetDocument(document.Id)!;
        }

        // The second error is the ';' the incremental reparse reports on the '}' that follows it.
        Assert.Equal("}", reported[^1]);
        Assert.Equal(repaired, (await document.GetTextAsync()).ToString());
        Assert.Null(await FirstSyntaxErrorAsync(document));
    }

    private static async Task<Diagnostic?> FirstSyntaxErrorAsync(Document document) =>
        (await document.GetSyntaxTreeAsync())!.GetDiagnostics().FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
}
