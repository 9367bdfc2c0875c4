using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

/// <summary>The gate inside <c>fix</c>: candidates of any source that compile but are unsafe are rejected with the reason.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SafetyGateInFixTests
{
    private const string Broken = """
        namespace Lib;

        public static class Labels
        {
            public static int Width(string name)
            {
                var width = name * 2;
                return width;
            }
        }
        """;

    [Fact]
    public async Task Unsafe_candidate_of_a_rule_source_is_rejected_and_the_harmless_one_lands()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Labels.cs"] = Broken });
        var options = new FixOptions(
            Tests: TestMode.None,
            ExtraSources: [new StatementSource("delete", "System.IO.File.Delete(name); var width = name.Length * 2;"), new StatementSource("harmless", "var width = name.Length * 2;")]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        var record = Assert.Single(result.Errors);
        Assert.Equal("harmless", record.Source);
        Assert.Contains(record.Tried, tried => tried.Source == "delete" && FixReport.Words(tried) == "rejected: unsafe — adds System.IO.File.Delete (file deletion)");
        var text = File.ReadAllText(solution.File("Lib/Labels.cs"));
        Assert.Contains("var width = name.Length * 2;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("File.Delete", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capability_allowed_in_the_options_is_accepted()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Labels.cs"] = Broken });
        var options = new FixOptions(
            Tests: TestMode.None,
            DryRun: true,
            ExtraSources: [new StatementSource("delete", "System.IO.File.Delete(name); var width = name.Length * 2;")],
            AllowedCapabilities: [Capability.File]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        Assert.Equal("delete", Assert.Single(result.Errors).Source);
    }

    // A deterministic source: the statement that holds the error becomes a fixed text.
    private sealed class StatementSource(string name, string statement) : ICandidateSource
    {
        public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            var broken = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<StatementSyntax>();
            if (broken is null)
            {
                return [];
            }

            var text = (await document.GetTextAsync(cancellationToken)).WithChanges(new TextChange(broken.Span, statement));
            return [new Candidate(name, statement, document.WithText(text).Project.Solution, 0)];
        }
    }
}
