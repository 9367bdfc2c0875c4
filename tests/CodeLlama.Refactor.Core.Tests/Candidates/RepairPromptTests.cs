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
    public async Task Signatures_from_other_files_go_as_repository_context_not_into_the_prefix()
    {
        var model = new RecordingModel();
        var project = InMemoryProject.Create(
            ("Pricing.cs", "namespace Shop;\n\npublic static class Pricing\n{\n    public static int Round(decimal price) => (int)price;\n}\n"),
            ("Labels.cs", "namespace Shop;\n\npublic static class Labels\n{\n    public static int Width(decimal price)\n    {\n        return Pricing.Rounded(price);\n    }\n}\n"));
        var document = project.Documents.Single(found => found.Name == "Labels.cs");
        var diagnostic = (await document.GetSemanticModelAsync())!.GetDiagnostics().First(found => found.Severity == DiagnosticSeverity.Error);

        await new ModelRepairSource(model, candidates: 1).GetCandidatesAsync(document, diagnostic, default);

        var request = Assert.Single(model.Requests);
        var chunk = Assert.Single(request.Extra);
        Assert.Equal(DeclarationHeader.FileName, chunk.FileName);
        Assert.Contains("Round(decimal price)", chunk.Text, StringComparison.Ordinal);
        Assert.StartsWith("namespace Shop;", request.Prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("Declared in other files", request.Prefix, StringComparison.Ordinal);
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

    [Fact]
    public async Task An_instruction_prompt_names_the_diagnostic_marks_the_broken_code_and_asks_for_its_replacement_only()
    {
        var model = new RecordingModel();
        var document = InMemoryProject.Create(("Labels.cs", Labels)).Documents.Single();
        var diagnostic = (await document.GetSemanticModelAsync())!.GetDiagnostics().First(found => found.Severity == DiagnosticSeverity.Error);

        await new ModelRepairSource(model, candidates: 1, RepairPromptStyle.Instruct).GetCandidatesAsync(document, diagnostic, default);

        var instruction = Assert.Single(model.Requests).Instruction!.ReplaceLineEndings("\n");
        Assert.StartsWith("This C# code does not compile: error CS0029: Cannot implicitly convert type 'string' to 'int'\n\n", instruction, StringComparison.Ordinal);
        Assert.Contains("/*<broken>*/int width = label + count;/*</broken>*/\n        return width;", instruction, StringComparison.Ordinal);
        Assert.EndsWith(
            "Rewrite the broken part so that the code compiles and does what it meant to do:\n```csharp\nint width = label + count;\n```\n\n"
            + "Answer with the rewritten part only, in one ```csharp code block.",
            instruction,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Here it is:\n```csharp\nint width = label.Length + count;\n```\nThat compiles.", "int width = label.Length + count;")]
    [InlineData("int width = label.Length + count;", "int width = label.Length + count;")]
    [InlineData("```\nreturn 1;", "return 1;")]
    public void The_code_of_a_chat_answer_is_its_first_code_block(string answer, string code) => Assert.Equal(code, RepairPrompt.CodeOf(answer));

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
