using System.Text;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

/// <summary>
/// The infill prompts <c>doc</c> gives a model, byte for byte, for a sample file: a new comment element after element
/// (each prompt holding the elements already written), a property, a generic method that throws, the completion of an
/// existing comment, and the same file in a context too small for it, where the prompt is windowed.
/// </summary>
public sealed class DocPromptTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "TestData", "DocPromptSample");

    [Theory]
    [Trait("Category", "EndToEnd")]
    [InlineData(16384, "DocPromptSample.prompts.txt")]
    [InlineData(120, "DocPromptSample.windowed.prompts.txt")]
    public async Task ModelPrompts_AreExactlyAsReviewed(int contextSize, string expectedFile)
    {
        var folder = Directory.CreateTempSubdirectory("doc-prompts-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Sample))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var model = new RecordingModel(contextSize);
            using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(folder));
            var text = new ModelDocText(model);

            await DocPipeline.DocumentAsync(loaded, new DocOptions(DryRun: true, TextSource: text));

            Assert.Equal(model.Requests.Count, text.Answered);
            Assert.True(model.Requests.Count >= 8, $"{model.Requests.Count} requests");
            var actual = Describe(model.Requests);
            var expected = Path.Combine(AppContext.BaseDirectory, "TestData", expectedFile);
            if (!File.Exists(expected) || actual != File.ReadAllText(expected))
            {
                var written = Path.Combine(Path.GetTempPath(), expectedFile);
                File.WriteAllText(written, actual);
                Assert.Fail($"The prompts differ from TestData/{expectedFile}; they are in {written}.");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Prompt_OfAParameter_HoldsTheElementsBeforeIt_AndEndsAtTheMember()
    {
        var (draft, symbol) = Member("class C\n{\n    void M(int a) { }\n\n    void N() { }\n}\n", "M");
        var summary = new DocCommentWriter.FilledElement(new DocElement(symbol, DocElementKind.Summary), [XmlDoc.Text("Does M.")]);

        var prompt = DocPrompt.For(new DocGap(draft, null, [summary], new DocElement(symbol, DocElementKind.Param, "a")));

        Assert.Equal("class C\n{\n    /// <summary>\n    /// Does M.\n    /// </summary>\n    /// <param name=\"a\">", prompt.Before);
        Assert.Equal("</param>\n    void M(int a) { }\n", prompt.After);
    }

    [Fact]
    public void Prompt_MovesADeclarationThatDoesNotStartItsLine_ToALineOfItsOwn()
    {
        var (draft, symbol) = Member("class C { void M() { } }\n", "M");

        var prompt = DocPrompt.For(new DocGap(draft, null, [], new DocElement(symbol, DocElementKind.Summary)));

        Assert.Equal("class C {\n    /// <summary>\n    /// ", prompt.Before);
        Assert.StartsWith("\n    /// </summary>\n    void M() { }", prompt.After, StringComparison.Ordinal);
    }

    private static (DocDraft Draft, ISymbol Symbol) Member(string source, string name)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var model = CSharpCompilation.Create("Sample", [tree]).GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == name);
        return (new DocDraft(tree.GetRoot(), tree.GetText(), declaration), model.GetDeclaredSymbol(declaration)!);
    }

    // Each prompt's prefix and suffix between lines that cannot occur in the sample.
    private static string Describe(IEnumerable<InfillRequest> requests)
    {
        var builder = new StringBuilder();
        foreach (var (request, index) in requests.Select((request, index) => (request, index)))
        {
            builder.Append($"==== {index} prefix\n{request.Prefix}\n==== {index} suffix\n{request.Suffix}\n");
        }

        return builder.ToString();
    }

    // Records each prompt and answers with one sentence, which the next prompt of the same comment then holds.
    private sealed class RecordingModel(int contextSize) : IInfillModel
    {
        private readonly List<InfillRequest> requests = [];

        public string Name => "recording";

        public int ContextSize => contextSize;

        public int MaxNewTokens => 16;

        public InfillStatistics Statistics { get; } = new();

        public int Concurrency => 1;

        public IReadOnlyList<InfillRequest> Requests
        {
            get
            {
                lock (requests)
                {
                    return [.. requests];
                }
            }
        }

        public int CountTokens(string text) => text.Length / 3;

        public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
        {
            lock (requests)
            {
                requests.Add(request);
            }

            return Task.FromResult(new InfillResult([new InfillCompletion("Does the work.", 0, true, 3)], 10, 10, TimeSpan.Zero, TimeSpan.Zero));
        }
    }
}
