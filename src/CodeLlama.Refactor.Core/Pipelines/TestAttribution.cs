using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>A unit's candidate as one trial held it.</summary>
/// <param name="Title">The candidate (its source and title), for the report.</param>
/// <param name="Judges">
/// The tests that reach the members it changes (<see cref="Verification.Testing.ImpactedTests"/>); empty when none does;
/// null when that cannot be told, and then every test of the run judges it; null too when it was not looked for, after a
/// run that passed with no guess held (every test of that run passed, so every held candidate passes whoever its judges).
/// </param>
/// <param name="IsGuess">Whether it is a guess (<see cref="Candidates.TypeDirected.Guesses"/>): written only with a judge.</param>
internal sealed record Suspect(string Title, IReadOnlyList<string>? Judges, bool IsGuess);

/// <summary>One combination built and, where it could be, tested.</summary>
/// <param name="Held">Per unit, the candidate the combination held, or null when it held none for the unit.</param>
/// <param name="Tests">What the tests showed; null when they did not run (the combination left errors where they build).</param>
internal sealed record Trial(IReadOnlyList<Suspect?> Held, TestOutcome? Tests);

/// <summary>Builds and tests a combination of candidates: the seam between attribution and the solution.</summary>
internal interface ITrialBench
{
    /// <summary>Builds the combination that holds, for each unit, its candidate at <paramref name="levels"/> and runs the tests.</summary>
    /// <param name="levels">Per unit, how many of its best-ranked candidates are set aside.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the combination held and what its tests showed.</returns>
    Task<Trial> TryAsync(IReadOnlyList<int> levels, CancellationToken cancellationToken);
}

/// <summary>How the tests judged a unit.</summary>
internal enum Judgement
{
    /// <summary>Every test that reaches its candidate passed (or, for a deterministic repair no test reaches, the run did).</summary>
    Accepted,

    /// <summary>Every candidate it had failed a test that reaches it.</summary>
    Convicted,

    /// <summary>Its candidate is a guess and no test reaches the member it changes: not written.</summary>
    UntestedGuess,

    /// <summary>The tests could not run (errors left where they build, no sandbox, a timeout).</summary>
    NotRun,

    /// <summary>The test-run budget ran out before its candidates were judged.</summary>
    BudgetSpent,
}

/// <summary>A test run a unit's candidate was part of.</summary>
/// <param name="Run">The run's number, from 1.</param>
/// <param name="Level">Which of the unit's candidates (0: the best-ranked) the run held.</param>
/// <param name="Passed">Whether every test that judges that candidate passed.</param>
/// <param name="SharedWith">How many other units' candidates the run held.</param>
internal sealed record JudgedRun(int Run, int Level, bool Passed, int SharedWith);

/// <summary>What the tests decided for one unit.</summary>
/// <param name="Level">The candidate it ends on.</param>
/// <param name="Judgement">The decision.</param>
/// <param name="Runs">The runs its candidates were part of, in order.</param>
internal sealed record UnitJudgement(int Level, Judgement Judgement, IReadOnlyList<JudgedRun> Runs);

/// <summary>What the tests decided, per unit, and the runs it took.</summary>
/// <param name="Units">Per unit, its judgement.</param>
/// <param name="Runs">How many test runs were made.</param>
/// <param name="Last">What the last run showed, or null when none ran.</param>
internal sealed record Attribution(IReadOnlyList<UnitJudgement> Units, int Runs, TestOutcome? Last);

/// <summary>
/// Per-unit attribution of test runs. A unit is one error, or errors with one root cause (one member, one key); its
/// candidates are tried best first. Every open unit's current candidate shares one run; a failing test convicts only
/// the candidates whose judges include it, and a candidate whose judges all passed is accepted whatever happened to
/// the others. A convicted unit moves to its next candidate for the next run, still shared with the other open units,
/// until it has none left or the runs run out.
/// </summary>
/// <param name="candidates">Per unit, how many candidates it has.</param>
/// <param name="bench">Builds and tests combinations.</param>
/// <param name="budget">How many test runs at most.</param>
internal sealed class TestAttribution(IReadOnlyList<int> candidates, ITrialBench bench, int budget)
{
    public async Task<Attribution> DecideAsync(CancellationToken cancellationToken)
    {
        var levels = candidates.Select(_ => 0).ToArray();
        var decided = new Judgement?[candidates.Count];
        var runs = candidates.Select(_ => new List<JudgedRun>()).ToArray();
        var made = 0;
        TestOutcome? last = null;
        while (decided.Any(judgement => judgement is null))
        {
            if (made >= budget)
            {
                Close(decided, Judgement.BudgetSpent);
                break;
            }

            var trial = await bench.TryAsync(levels, cancellationToken).ConfigureAwait(false);
            if (trial.Tests is not { } tests || !Ran(tests))
            {
                last = trial.Tests ?? last;
                made += trial.Tests is null ? 0 : 1;
                Close(decided, Judgement.NotRun);
                break;
            }

            made++;
            last = tests;
            var failed = tests.FailedTests.ToHashSet(StringComparer.Ordinal);
            // A failing test no held candidate's judges name was failing whatever was held, or reached a change the
            // walk could not see: it convicts only the candidates whose judges are unknown.
            var attributed = trial.Held.OfType<Suspect>().Where(suspect => suspect.Judges is not null).SelectMany(suspect => suspect.Judges!).ToHashSet(StringComparer.Ordinal);
            var unexplained = !tests.Succeeded && (failed.Count == 0 || failed.Any(name => !attributed.Contains(name)));
            var open = Enumerable.Range(0, candidates.Count).Where(unit => decided[unit] is null).ToList();
            foreach (var unit in open)
            {
                if (trial.Held[unit] is not { } suspect)
                {
                    // Past its first candidate, a unit holds none when every candidate left fails to compile (those its
                    // ranking counted before verifying them): each one it had failed.
                    decided[unit] = levels[unit] > 0 ? Judgement.Convicted : Judgement.NotRun;
                    continue;
                }

                var passed = suspect.Judges switch
                {
                    null => tests.Succeeded,
                    { Count: 0 } => !unexplained,
                    var judges => !judges.Any(failed.Contains) && (failed.Count > 0 || tests.Succeeded),
                };
                runs[unit].Add(new JudgedRun(made, levels[unit], passed, trial.Held.Count(held => held is not null) - 1));
                if (suspect.Judges is { Count: 0 } && suspect.IsGuess)
                {
                    decided[unit] = Judgement.UntestedGuess;
                }
                else if (passed)
                {
                    decided[unit] = Judgement.Accepted;
                }
                else if (levels[unit] + 1 < candidates[unit])
                {
                    levels[unit]++;
                }
                else
                {
                    decided[unit] = Judgement.Convicted;
                }
            }
        }

        var units = Enumerable.Range(0, candidates.Count).Select(unit => new UnitJudgement(levels[unit], decided[unit]!.Value, runs[unit])).ToList();
        return new Attribution(units, made, last);
    }

    // Tests that did not get to run (no sandbox, a timeout, a build that failed before any test) judge nobody.
    private static bool Ran(TestOutcome tests) =>
        tests.Verdict is TestVerdict.Passed || (tests.Verdict == TestVerdict.Failed && tests.Passed + tests.Failed > 0);

    private static void Close(Judgement?[] decided, Judgement judgement)
    {
        for (var unit = 0; unit < decided.Length; unit++)
        {
            decided[unit] ??= judgement;
        }
    }
}
