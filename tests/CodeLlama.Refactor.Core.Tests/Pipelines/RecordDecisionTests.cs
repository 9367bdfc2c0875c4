using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// The life of one error's record: created when the error is found, filled by the repair loop, judged by the tests,
/// decided once; every status but fixed carries a typed reason that the report words.
/// </summary>
public sealed class RecordDecisionTests
{
    private static readonly CompileError Error = new("CS0103", "The name 'TAXED' does not exist in the current context", "/s/Lib/Pricing.cs", 5, 52, false, "Lib");
    private static readonly DiagnosticKey Key = new("CS0103", "/s/Lib/Pricing.cs", Error.Message, IsError: true);

    [Fact]
    public void NoSourceOffersACandidate_Unfixed_TheReasonNamesTheSourcesAsked()
    {
        var record = new ErrorRecord(Error, Key) { Remains = true, SourcesAsked = ["MissingTokenSource", "TypeDirectedSource"] };

        var decided = RecordDecision.Decide(record, null, null, stillOnDisk: false);

        Assert.Equal(FixStatus.Unfixed, decided.Status);
        Assert.Equal(new[] { "MissingTokenSource", "TypeDirectedSource" }, decided.Reason!.Items);
        Assert.Equal("no candidate: asked MissingTokenSource, TypeDirectedSource", FixReport.Reason(decided));
    }

    [Fact]
    public void ASourceThrewForTheError_TheReasonNamesIt_WhateverItsKind()
    {
        var record = new ErrorRecord(Error, Key) { Remains = true, SourcesAsked = ["MissingTokenSource", "ModelRepairSource"], SourcesFailed = ["ModelRepairSource"] };
        var answered = new ErrorRecord(Error, Key) { Remains = true, SourcesAsked = ["MissingTokenSource"] };

        var decided = RecordDecision.Decide(record, null, null, stillOnDisk: false);

        Assert.Equal(ReasonKind.NoCandidate, decided.Reason!.Kind);
        Assert.Equal(["ModelRepairSource"], decided.Reason.FailedSources);
        Assert.Equal("no candidate: asked MissingTokenSource, ModelRepairSource (ModelRepairSource failed for this error)", FixReport.Reason(decided));
        Assert.Empty(RecordDecision.Decide(answered, null, null, stillOnDisk: false).Reason!.FailedSources);
    }

    [Fact]
    public void EveryCandidateRejectedByTheCompiler_Unfixed_TheReasonListsTheVerdicts()
    {
        var record = new ErrorRecord(Error, Key) { Remains = true };
        record.Tried.Add(new TriedCandidate("roslyn:GenerateVariable", "Generate field 'TAXED'", Verdict.AddsDiagnostics, "CS0165"));

        var decided = RecordDecision.Decide(record, null, null, stillOnDisk: false);

        Assert.Equal(ReasonKind.Rejected, decided.Reason!.Kind);
        Assert.Contains("Generate field 'TAXED' (AddsDiagnostics)", FixReport.Reason(decided), StringComparison.Ordinal);
    }

    [Fact]
    public void AGuessTheLoopHeldBack_IsAnUntestedGuess_NamingItsMemberAndTheGuesses()
    {
        var record = new ErrorRecord(Error, Key) { Remains = true, Held = FixStatus.UntestedGuess, Member = "Lib.Pricing.WithTax(decimal)" };
        record.Tried.Add(new TriedCandidate("typed", "Return 'price' at the end of 'WithTax'", Verdict.UntestedGuess));
        record.Tried.Add(new TriedCandidate("typed", "Return 'default' at the end of 'WithTax'", Verdict.UntestedGuess));

        var decided = RecordDecision.Decide(record, null, null, stillOnDisk: false);

        Assert.Equal(FixStatus.UntestedGuess, decided.Status);
        Assert.Equal("Lib.Pricing.WithTax(decimal)", decided.Reason!.Member);
        Assert.Equal(2, decided.Reason.Items.Count);
        Assert.All(decided.Tried, tried => Assert.True(tried.IsSuggestion));
        Assert.StartsWith("no test reaches Lib.Pricing.WithTax(decimal)", FixReport.Reason(decided), StringComparison.Ordinal);
    }

    [Fact]
    public void JudgedAndConvicted_RejectedByTests_EachCandidateCarriesItsRuns()
    {
        var first = new AppliedFix(Key, "fixed", "'TAXED' → 'price'");
        var second = new AppliedFix(Key, "fixed", "'TAXED' → 'price * 2m'");
        var unit = new TestUnit([first with { Ranked = [first, second] }]);
        var judgement = new UnitJudgement(1, Judgement.Convicted, [new JudgedRun(1, 0, false, 2), new JudgedRun(2, 1, false, 2)]);
        var record = new ErrorRecord(Error, Key) { Remains = true, Held = FixStatus.NotTested };
        record.Tried.Add(new TriedCandidate("fixed", first.Title, Verdict.PassedOver));
        record.Tried.Add(new TriedCandidate("fixed", second.Title, Verdict.Untested));
        var tests = new TestOutcome(TestVerdict.Failed, 1, 1, 1, "failed PricingTests.WithTax", "bubblewrap") { FailedTests = ["PricingTests.WithTax"] };

        var decided = RecordDecision.Decide(record, (unit, judgement), tests, stillOnDisk: false);

        Assert.Equal(FixStatus.RejectedByTests, decided.Status);
        Assert.Equal(ReasonKind.FailedTests, decided.Reason!.Kind);
        Assert.Equal(["PricingTests.WithTax"], decided.Reason.Items);
        Assert.All(decided.Tried, tried => Assert.Equal(Verdict.FailedTests, tried.Outcome));
        Assert.Equal([new CandidateTestRun(2, false, 2)], decided.Tried[1].TestRuns!);
    }

    [Fact]
    public void AcceptedButTheFileAsWrittenStillHasTheError_NotWritten_WithAReason()
    {
        var record = new ErrorRecord(Error, Key) { Chosen = new AppliedFix(Key, "fixed", "'TAXED' → 'price * 1.2m'") };

        var decided = RecordDecision.Decide(record, null, null, stillOnDisk: true);

        Assert.Equal(FixStatus.NotWritten, decided.Status);
        Assert.Equal(ReasonKind.NotOnDisk, decided.Reason!.Kind);
        Assert.Null(RecordDecision.Decide(record, null, null, stillOnDisk: false).Reason);
    }
}
