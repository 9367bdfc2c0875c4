using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Fix compiles a project that names none of the targeting pack's generator attributes without those generators
/// (IdleSdkGenerators); a candidate that applies one is compiled with them, as its build would compile it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class IdleGeneratorsInFixTests
{
    private const string Words = """
        using System.Text.RegularExpressions;

        namespace Lib;

        public static partial class Words
        {
            public static bool IsWord(string text) => Pattern().IsMatch(text);
        }
        """;

    [Fact]
    public async Task ACandidateThatAppliesAGeneratorAttribute_IsCompiledWithTheGenerator_AndWritten()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Words.cs"] = Words });
        // Without the regular expression generator the partial method has no implementation (CS8795): the candidate
        // would trade one error for another and be refused.
        var repaired = Words.Replace(
            "=> Pattern().IsMatch(text);",
            "=> Pattern().IsMatch(text);\n\n    [GeneratedRegex(\"^[a-z]+$\")]\n    private static partial Regex Pattern();",
            StringComparison.Ordinal);
        var options = new FixOptions(Tests: TestMode.None, ExtraSources: [new WholeFile("Pattern", repaired)]);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        var record = Assert.Single(result.Errors);
        Assert.True(record.Status == FixStatus.Fixed, string.Join("\n", record.Tried.Select(tried => $"{tried.Title}: {tried.Outcome} {tried.Detail}")));
        Assert.Equal("whole file", record.Title);
        Assert.Equal(repaired, File.ReadAllText(solution.File("Lib/Words.cs")));
        Assert.Empty(result.Remaining);
    }

    // Where the error's span reads the name, offers the file as the given text, ahead of every other source.
    private sealed class WholeFile(string name, string text) : ICandidateSource
    {
        public CandidateTrust Trust => CandidateTrust.Trusted;

        public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var current = await document.GetTextAsync(cancellationToken);
            return current.ToString(diagnostic.Location.SourceSpan) == name
                ? [new Candidate("fixed", "whole file", document.WithText(SourceText.From(text, current.Encoding)).Project.Solution, Preference: -1)]
                : [];
        }
    }
}
