using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Decides, once, what became of one error: from what the repair loop applied or held back, what the tests judged of
/// its unit, and whether the error is still in the files as written. Every status but fixed comes with a typed reason.
/// </summary>
internal static class RecordDecision
{
    /// <summary>The record of <paramref name="record"/>.</summary>
    /// <param name="record">The error as the stages left it.</param>
    /// <param name="judged">Its unit and what the tests judged of it, when the tests decided on it.</param>
    /// <param name="tests">What the last test run showed, or null when none ran.</param>
    /// <param name="stillOnDisk">Whether the files as written still have the error although a fix was chosen.</param>
    /// <returns>The error's record for the report.</returns>
    public static FixRecord Decide(ErrorRecord record, (TestUnit Unit, UnitJudgement Judgement)? judged, TestOutcome? tests, bool stillOnDisk)
    {
        var decided = DecideStatus(record, judged, tests, stillOnDisk);
        // A source that threw for this error may be why it is left: the reason says which.
        return decided.Reason is { } reason && record.SourcesFailed.Count > 0
            ? decided with { Reason = reason with { FailedSources = record.SourcesFailed } }
            : decided;
    }

    private static FixRecord DecideStatus(ErrorRecord record, (TestUnit Unit, UnitJudgement Judgement)? judged, TestOutcome? tests, bool stillOnDisk)
    {
        var tried = judged is var (unit, judgement) ? Annotate(record, unit, judgement) : record.Tried;
        if (record.Chosen is { } chosen)
        {
            return (stillOnDisk
                ? new FixRecord(record.Error, FixStatus.NotWritten, chosen.Source, chosen.Title, tried, new FixReason(ReasonKind.NotOnDisk, []))
                : new FixRecord(record.Error, FixStatus.Fixed, chosen.Source, chosen.Title, tried)) with { Group = chosen.Group };
        }

        if (!record.Remains)
        {
            // An error of a group is repaired by the group's one edit, made for the first error of the group.
            return record.CoveredBy is { } by
                ? new FixRecord(record.Error, FixStatus.Fixed, by.Source, by.Title, tried) { Group = by.Group }
                : new FixRecord(record.Error, FixStatus.Fixed, null, "resolved by another fix", tried);
        }

        return judged is var (_, verdict) ? Judged(record, verdict, tried, tests) : Unjudged(record, tried);
    }

    // An error the tests judged but whose fix is not written.
    private static FixRecord Judged(ErrorRecord record, UnitJudgement judgement, IReadOnlyList<TriedCandidate> tried, TestOutcome? tests)
    {
        var best = tried.FirstOrDefault(candidate => candidate.TestRuns is { Count: > 0 }) ?? tried.FirstOrDefault();
        FixRecord Record(FixStatus status, FixReason reason) => new(record.Error, status, best?.Source, best?.Title, tried, reason);
        return judgement.Judgement switch
        {
            Judgement.Convicted => Record(FixStatus.RejectedByTests, new FixReason(ReasonKind.FailedTests, tests?.FailedTests ?? [])),
            Judgement.UntestedGuess => Record(FixStatus.UntestedGuess, new FixReason(
                ReasonKind.UntestedGuess, [.. tried.Where(candidate => candidate.Outcome == Verdict.UntestedGuess).Select(candidate => candidate.Title)], record.Member)),
            Judgement.BudgetSpent => Record(FixStatus.NotTested, new FixReason(ReasonKind.TestBudgetSpent, [])),
            _ when tests is { Verdict: TestVerdict.NoSandbox } => Record(FixStatus.NotTested, new FixReason(ReasonKind.NoSandbox, [])),
            _ when tests is null => Record(FixStatus.NotTested, new FixReason(ReasonKind.TestsBlocked, [])),
            _ => Record(FixStatus.NotTested, new FixReason(ReasonKind.TestsDidNotRun, [tests.Detail ?? tests.Verdict.ToString()])),
        };
    }

    // An error the loop left without a fix the tests could judge: held back, ambiguous, or no candidate compiled.
    private static FixRecord Unjudged(ErrorRecord record, IReadOnlyList<TriedCandidate> tried)
    {
        string Named(TriedCandidate candidate) => $"{candidate.Source}: {candidate.Title}";
        return record.Held switch
        {
            FixStatus.NotTested when tried.FirstOrDefault(candidate => candidate.Outcome == Verdict.Untested) is { } untested =>
                new FixRecord(record.Error, FixStatus.NotTested, untested.Source, untested.Title, tried, new FixReason(ReasonKind.TestsBlocked, [])),
            FixStatus.Ambiguous => new FixRecord(record.Error, FixStatus.Ambiguous, null, null, tried,
                new FixReason(ReasonKind.Ambiguous, [.. tried.Where(candidate => candidate.Outcome == Verdict.Tied).Select(Named)])),
            FixStatus.UntestedGuess => new FixRecord(record.Error, FixStatus.UntestedGuess, null, null, tried,
                new FixReason(ReasonKind.UntestedGuess, [.. tried.Where(candidate => candidate.Outcome == Verdict.UntestedGuess).Select(Named)], record.Member)),
            _ when tried.Count == 0 => new FixRecord(record.Error, FixStatus.Unfixed, null, null, tried, new FixReason(ReasonKind.NoCandidate, record.SourcesAsked)),
            _ => new FixRecord(record.Error, FixStatus.Unfixed, null, null, tried,
                new FixReason(ReasonKind.Rejected, [.. tried.Select(candidate => $"{Named(candidate)} ({candidate.Outcome})")])),
        };
    }

    // Each candidate of a judged unit gets the runs it was part of; one that failed every run it was in is marked so,
    // and one the attribution found a guess no test reaches is a suggestion.
    private static IReadOnlyList<TriedCandidate> Annotate(ErrorRecord record, TestUnit unit, UnitJudgement judgement)
    {
        return record.Tried.Select(tried =>
        {
            var level = unit.LevelOf(record.Key, tried.Source, tried.Title);
            var runs = judgement.Runs.Where(run => run.Level == level).Select(run => new CandidateTestRun(run.Run, run.Passed, run.SharedWith)).ToList();
            // Every verified guess of a unit no test reaches is a suggestion, whichever of them the runs held.
            var untestedGuess = judgement.Judgement == Judgement.UntestedGuess && Guesses.IsGuess(tried.Source)
                && tried.Outcome is Verdict.Chosen or Verdict.RankedLower or Verdict.Untested or Verdict.Tied or Verdict.PassedOver;
            if (level < 0 || runs.Count == 0)
            {
                return untestedGuess ? tried with { Outcome = Verdict.UntestedGuess } : tried;
            }

            var outcome = untestedGuess ? Verdict.UntestedGuess
                : runs.All(run => !run.Passed) ? Verdict.FailedTests
                : tried.Outcome;
            return tried with { Outcome = outcome, TestRuns = runs };
        }).ToList();
    }
}
