using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Ranking;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Ranking;

public sealed class CandidateRankingTests
{
    private const string Before = "namespace Lib;\n\npublic static class Label\n{\n    public static string Show(string value) => Clip.Trim(value);\n}\n";

    private static readonly Microsoft.CodeAnalysis.Document Document = InMemoryProject.Create(Before).Documents.Single();

    [Fact]
    public async Task RestoredUsing_OutranksTheShorterQualifiedName_AndIsClearlyAhead()
    {
        var qualify = Verified("roslyn:FullyQualify", Before.Replace("Clip.Trim", "Text.Clip.Trim", StringComparison.Ordinal), preference: 2);
        var restore = Verified("roslyn:AddImport", "using Lib.Text;\n\n" + Before, preference: 1);

        var ranked = CandidateRanking.Rank([qualify, restore]);

        Assert.True(qualify.Verdict.EditSize < restore.Verdict.EditSize);
        Assert.Equal("roslyn:AddImport", ranked[0].Candidate.Source);
        Assert.True(await CandidateRanking.IsClearlyAheadAsync(ranked, CancellationToken.None));
    }

    [Fact]
    public async Task SameKindAndErrors_IsNotClearlyAhead_EvenWhenShorter()
    {
        var shorter = Verified("a", Before.Replace("Clip.Trim(", "(", StringComparison.Ordinal), preference: 1);
        var longer = Verified("b", Before.Replace("Clip.Trim(value)", "value.Trim()", StringComparison.Ordinal), preference: 1);

        var ranked = CandidateRanking.Rank([longer, shorter]);

        Assert.Equal("a", ranked[0].Candidate.Source);
        Assert.False(await CandidateRanking.IsClearlyAheadAsync(ranked, CancellationToken.None));
    }

    [Fact]
    public async Task TheSameEditFromTwoSources_CountsOnce()
    {
        var after = "using Lib.Text;\n\n" + Before;

        var ranked = CandidateRanking.Rank([Verified("parser", after, preference: 1), Verified("roslyn:AddImport", after, preference: 1)]);

        Assert.True(await CandidateRanking.IsClearlyAheadAsync(ranked, CancellationToken.None));
    }

    [Fact]
    public async Task FewerErrorsLeft_IsClearlyAhead_WhateverTheKind()
    {
        var generate = Verified("roslyn:GenerateVariable", "using Lib.Text;\n\n" + Before, preference: 4, errorDelta: -2);
        var spell = Verified("roslyn:SpellCheck", Before.Replace("Clip", "Clap", StringComparison.Ordinal), preference: 1, errorDelta: -1);

        var ranked = CandidateRanking.Rank([spell, generate]);

        Assert.Equal("roslyn:GenerateVariable", ranked[0].Candidate.Source);
        Assert.True(await CandidateRanking.IsClearlyAheadAsync(ranked, CancellationToken.None));
    }

    [Fact]
    public void VerificationOrder_IsByKindThenTheSourcesOrder()
    {
        var generate = Verified("roslyn:GenerateVariable", Before, preference: 4).Candidate;
        var spell = Verified("roslyn:SpellCheck", Before, preference: 1).Candidate with { Rank = 1 };
        var spellFirst = Verified("roslyn:SpellCheck", Before, preference: 1).Candidate with { Title = "first", Rank = 0 };

        var order = CandidateRanking.VerificationOrder([generate, spell, spellFirst]);

        Assert.Equal([spellFirst, spell, generate], order);
    }

    [Fact]
    public void ABestThatLeavesNoErrorOfTheOnesBefore_CannotBeOutrankedByALesserKind_ButCanByItsOwn()
    {
        var spell = Verified("roslyn:SpellCheck", Before.Replace("Clip", "Clap", StringComparison.Ordinal), preference: 1, errorDelta: -1);
        var generate = Verified("roslyn:GenerateVariable", Before, preference: 4).Candidate;
        var otherSpelling = Verified("roslyn:SpellCheck", Before, preference: 1).Candidate;

        Assert.False(CandidateRanking.CouldOutrank(generate, spell, errorsBefore: 1));
        Assert.True(CandidateRanking.CouldOutrank(otherSpelling, spell, errorsBefore: 1));
    }

    [Fact]
    public void WhileMoreErrorsThanTheBestRemovesAreLeft_ALesserKindCanStillOutrankIt()
    {
        // Generating the member a misspelt name uses removes both uses' errors; the spelling fix only the one.
        var spell = Verified("roslyn:SpellCheck", Before.Replace("Clip", "Clap", StringComparison.Ordinal), preference: 1, errorDelta: -1);
        var generate = Verified("roslyn:GenerateVariable", Before, preference: 4).Candidate;

        Assert.True(CandidateRanking.CouldOutrank(generate, spell, errorsBefore: 2));
    }

    private static VerifiedCandidate Verified(string source, string after, int preference, int errorDelta = -1)
    {
        // The size as the verifier counts it: what differs between the common start and the common end, both sides.
        var prefix = Before.Zip(after).TakeWhile(pair => pair.First == pair.Second).Count();
        var suffix = Before.Reverse().Zip(after.Reverse()).Take(Math.Min(Before.Length, after.Length) - prefix).TakeWhile(pair => pair.First == pair.Second).Count();
        var size = Before.Length + after.Length - 2 * (prefix + suffix);
        var solution = Document.WithText(SourceText.From(after)).Project.Solution;
        return new VerifiedCandidate(new Candidate(source, source, solution, preference), new CompileVerdict(Verdict.Accepted, [], errorDelta, size));
    }
}
