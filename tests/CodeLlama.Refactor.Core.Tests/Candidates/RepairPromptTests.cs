using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Candidates;

public sealed class RepairPromptTests
{
    private const string Labels = """
        namespace Shop;

        public static class Labels
        {
            public static int Width(string label, int count)
            {
                int width = label + count;
                return width;
            }
        }
        """;

    [Fact]
    public async Task The_prompt_shows_the_diagnostic_and_the_broken_code_as_comments_just_above_the_gap()
    {
        var model = new RecordingModel();
        var document = InMemoryProject.Create(("Labels.cs", Labels)).Documents.Single();
        var diagnostic = (await document.GetSemanticModelAsync())!.GetDiagnostics().First(found => found.Severity == DiagnosticSeverity.Error);

        await new ModelRepairSource(model, candidates: 1).GetCandidatesAsync(document, diagnostic, default);

        var request = Assert.Single(model.Requests);
        Assert.EndsWith(
            """
                {
                    // error CS0029: Cannot implicitly convert type 'string' to 'int'
                    // The code below was:
                    //     int width = label + count;

            """.ReplaceLineEndings("\n") + "        ",
            request.Prefix.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.StartsWith("\n        return width;", request.Suffix.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_over_several_lines_is_shown_under_its_first_line_with_its_own_indentation_only()
    {
        var comments = RepairPrompt.Comments("    ", "CS1503", "Argument 1: cannot convert\nfrom 'string' to 'int'", "Call(\n        \"a\",\n        2);");

        Assert.Equal(
            "    // error CS1503: Argument 1: cannot convert from 'string' to 'int'\n"
            + "    // The code below was:\n"
            + "    //     Call(\n"
            + "    //         \"a\",\n"
            + "    //         2);\n",
            comments);
    }

    private sealed class RecordingModel : IInfillModel
    {
        public List<InfillRequest> Requests { get; } = [];

        public string Name => "recording";

        public int ContextSize => 4096;

        public int MaxNewTokens => 32;

        public InfillStatistics Statistics { get; } = new();

        public int CountTokens(string text) => text.Length / 3;

        public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new InfillResult([], 0, 0, TimeSpan.Zero, TimeSpan.Zero));
        }
    }
}
