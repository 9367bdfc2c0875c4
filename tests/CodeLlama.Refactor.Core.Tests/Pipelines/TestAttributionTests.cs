using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Attribution over a scripted test runner: each unit's candidates name the tests that reach them and the tests they
/// break, so that what a shared run convicts and accepts is what is tested.
/// </summary>
public sealed class TestAttributionTests
{
    [Fact]
    public async Task SixUnitsShareARun_ThreeWrongFirstCandidates_AreConvicted_TheRightOnesAcceptedInTheSameRun()
    {
        var units = Enumerable.Range(0, 6).Select(unit => new[]
        {
            new Scripted($"u{unit}-first", [$"T{unit}a", $"T{unit}b"], unit % 2 == 0 ? [] : [$"T{unit}a"]),
            new Scripted($"u{unit}-second", [$"T{unit}a", $"T{unit}b"], []),
        }).ToList();
        var runner = new ScriptedRunner(units);

        var result = await new TestAttribution(units.Select(unit => unit.Length).ToList(), runner, budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal(2, result.Runs);
        Assert.All(result.Units, unit => Assert.Equal(Judgement.Accepted, unit.Judgement));
        Assert.Equal([0, 1, 0, 1, 0, 1], result.Units.Select(unit => unit.Level));
        Assert.Equal([new JudgedRun(1, 0, true, 5)], result.Units[0].Runs);
        Assert.Equal([new JudgedRun(1, 0, false, 5), new JudgedRun(2, 1, true, 5)], result.Units[1].Runs);
    }

    [Fact]
    public async Task AFailingTestThatReachesTwoUnits_ConvictsBoth_AndOnlyThem()
    {
        Scripted[][] units =
        [
            [new("a1", ["Shared", "A"], ["Shared"]), new("a2", ["Shared", "A"], [])],
            [new("b1", ["Shared"], []), new("b2", ["Shared"], [])],
            [new("c1", ["C"], []), new("c2", ["C"], [])],
        ];

        var result = await new TestAttribution([2, 2, 2], new ScriptedRunner(units), budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal([1, 1, 0], result.Units.Select(unit => unit.Level));
        Assert.False(result.Units[1].Runs[0].Passed);
        Assert.True(result.Units[2].Runs[0].Passed);
        Assert.Equal(2, result.Runs);
    }

    [Fact]
    public async Task AGuessNoTestReaches_IsAnUntestedGuess_EvenWhenTheRunPasses()
    {
        Scripted[][] units = [[new("guess", [], [], IsGuess: true)], [new("deterministic", [], [])], [new("judged", ["T"], [])]];

        var result = await new TestAttribution([1, 1, 1], new ScriptedRunner(units), budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal([Judgement.UntestedGuess, Judgement.Accepted, Judgement.Accepted], result.Units.Select(unit => unit.Judgement));
        Assert.Equal(1, result.Runs);
    }

    [Fact]
    public async Task EveryCandidateFails_TheUnitIsConvicted_WhileAnotherIsAccepted()
    {
        Scripted[][] units = [[new("x1", ["X"], ["X"]), new("x2", ["X"], ["X"])], [new("y1", ["Y"], [])]];

        var result = await new TestAttribution([2, 1], new ScriptedRunner(units), budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal(Judgement.Convicted, result.Units[0].Judgement);
        Assert.Equal(Judgement.Accepted, result.Units[1].Judgement);
        Assert.Equal(2, result.Runs);
        Assert.Equal(["X"], result.Last!.FailedTests);
    }

    [Fact]
    public async Task TheBudgetRunsOut_TheUndecidedUnitSaysSo_AndTheRunsAreCounted()
    {
        Scripted[][] units = [[new("x1", ["X"], ["X"]), new("x2", ["X"], ["X"]), new("x3", ["X"], [])], [new("y1", ["Y"], [])]];

        var result = await new TestAttribution([3, 1], new ScriptedRunner(units), budget: 2).DecideAsync(CancellationToken.None);

        Assert.Equal(Judgement.BudgetSpent, result.Units[0].Judgement);
        Assert.Equal(Judgement.Accepted, result.Units[1].Judgement);
        Assert.Equal(2, result.Runs);
    }

    [Fact]
    public async Task UnknownJudges_AreConvictedByAnyFailure_AFailureNoJudgeNames_ConvictsNoKnownInnocent()
    {
        Scripted[][] units = [[new("unknown1", null, []), new("unknown2", null, [])], [new("known", ["K"], ["Elsewhere"])]];

        var result = await new TestAttribution([2, 1], new ScriptedRunner(units), budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal(Judgement.Convicted, result.Units[0].Judgement);
        Assert.Equal(Judgement.Accepted, result.Units[1].Judgement);
    }

    [Fact]
    public async Task TheTestsCannotRun_NothingIsJudged_AndNoRunIsCounted()
    {
        Scripted[][] units = [[new("a", ["A"], [])]];

        var result = await new TestAttribution([1], new ScriptedRunner(units) { Blocked = true }, budget: 8).DecideAsync(CancellationToken.None);

        Assert.Equal(Judgement.NotRun, Assert.Single(result.Units).Judgement);
        Assert.Equal(0, result.Runs);
        Assert.Null(result.Last);
    }

    /// <summary>A candidate: the tests that reach it (null: unknown) and the tests that fail while it is held.</summary>
    private sealed record Scripted(string Title, IReadOnlyList<string>? Judges, IReadOnlyList<string> Breaks, bool IsGuess = false);

    private sealed class ScriptedRunner(IReadOnlyList<Scripted[]> units) : ITrialBench
    {
        public bool Blocked { get; init; }

        public Task<Trial> TryAsync(IReadOnlyList<int> levels, CancellationToken cancellationToken)
        {
            var held = units.Select((unit, index) => unit[levels[index]]).ToList();
            var suspects = held.Select(candidate => (Suspect?)new Suspect(candidate.Title, candidate.Judges, candidate.IsGuess)).ToList();
            if (Blocked)
            {
                return Task.FromResult(new Trial(suspects, null));
            }

            var failing = held.SelectMany(candidate => candidate.Breaks).Distinct().Order(StringComparer.Ordinal).ToList();
            var tests = new TestOutcome(failing.Count == 0 ? TestVerdict.Passed : TestVerdict.Failed, 1, 10 - failing.Count, failing.Count, null, "scripted")
            {
                FailedTests = failing,
            };
            return Task.FromResult(new Trial(suspects, tests));
        }
    }
}
