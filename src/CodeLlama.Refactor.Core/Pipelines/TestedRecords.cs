namespace CodeLlama.Refactor.Pipelines;

/// <summary>Adds to each error's candidates the test runs they were part of, and what those runs say of them.</summary>
internal static class TestedRecords
{
    /// <summary>
    /// Each tried candidate gets its runs; one that was set aside (banned) and failed every run it was in is marked as
    /// failing the tests; one that failed every run but ranks lower in the end keeps its rank and gets the runs.
    /// </summary>
    public static IReadOnlyList<FixRecord> Annotate(IReadOnlyList<FixRecord> records, IReadOnlyList<TestRunLog> runs)
    {
        if (runs.Count == 0)
        {
            return records;
        }

        return records.Select(record => record with { Tried = record.Tried.Select(tried => Annotate(record, tried, runs)).ToList() }).ToList();
    }

    private static TriedCandidate Annotate(FixRecord record, TriedCandidate tried, IReadOnlyList<TestRunLog> runs)
    {
        var taking = runs
            .Select(run => (Run: run, Fix: run.Applied.FirstOrDefault(fix =>
                fix.Source == tried.Source && fix.Title == tried.Title && fix.ErrorKey.Id == record.Error.Id && fix.ErrorKey.Message == record.Error.Message)))
            .Where(entry => entry.Fix is not null)
            .Select(entry => new CandidateTestRun(entry.Run.Number, entry.Run.Tests.Succeeded, entry.Run.Applied.Count(fix => !fix.Equals(entry.Fix)) ))
            .ToList();
        if (taking.Count == 0)
        {
            return tried;
        }

        var outcome = tried.Outcome == CandidateOutcome.PassedOver && taking.All(run => !run.Passed) ? CandidateOutcome.FailedTests : tried.Outcome;
        return tried with { Outcome = outcome, TestRuns = taking };
    }
}
