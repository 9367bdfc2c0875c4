using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>One test run of a combination of fixes.</summary>
/// <param name="Number">The run's number, from 1.</param>
/// <param name="Applied">The fixes the tests decide on that the run held.</param>
/// <param name="Tests">What the tests showed.</param>
internal sealed record TestRunLog(int Number, IReadOnlyList<AppliedFix> Applied, TestOutcome Tests);

/// <summary>What the tests decided.</summary>
/// <param name="Outcome">The combination to write: the one that passed, else the first-ranked one.</param>
/// <param name="Tests">What the tests showed for it.</param>
/// <param name="Runs">Every test run, in order.</param>
internal sealed record TestDecision(RepairOutcome Outcome, TestOutcome? Tests, IReadOnlyList<TestRunLog> Runs);

/// <summary>
/// Execution feedback among the candidates that compiled. The errors the tests decide on are grouped into units: errors
/// in one member (<see cref="MemberIdentity"/>), or with one key (their candidates are banned together), form one unit;
/// units in different members are independent and share each run. A unit's level is how many of its best-ranked
/// candidates are set aside; a combination of levels is built by the repair loop with those banned, so that every
/// combination is compiled again before its tests run.
/// <list type="number">
/// <item>The first-ranked candidates of all units run together; when they pass, that is the answer (one run).</item>
/// <item>When they fail, a passing combination is looked for by moving units to their next candidate: each half of the
/// units with an alternative (bisection), then each unit alone (least certain first), then all of them; and a level
/// deeper while none passes.</item>
/// <item>From a passing combination, units are moved back toward their first-ranked candidate (binary splitting: a group
/// back together, a failing group halved), so that each unit ends on its best-ranked candidate the tests accept and the
/// culprits are found.</item>
/// </list>
/// Combinations already run are not run again, and the number of runs is bounded; the runs and their results are kept
/// for the report.
/// </summary>
internal sealed class TestSearch(LoadedSolution loaded, RepairLoop loop, RepairConstraints constraints, FixOptions options, TestBench bench, IProgress<WorkProgress>? progress)
{
    private readonly List<TestRunLog> runs = [];
    private readonly Dictionary<string, (RepairOutcome? Outcome, TestOutcome? Tests)> tried = new(StringComparer.Ordinal);
    private IReadOnlyList<Unit> units = [];

    private sealed record Unit(IReadOnlyList<AppliedFix> Fixes)
    {
        public bool HasAlternativeAt(int level) => Fixes.Any(fix => fix.Ranked.Count > level + 1);

        public int Uncertainty => Fixes.Max(fix => fix.Preference);
    }

    public async Task<TestDecision> DecideAsync(RepairOutcome first, CancellationToken cancellationToken)
    {
        units = Units(first.Applied.Where(fix => fix.TestsDecide).ToList());
        var zero = units.Select(_ => 0).ToArray();
        tried[Key(zero)] = (first, null);
        var (_, firstTests) = await EvaluateAsync(zero, cancellationToken).ConfigureAwait(false);
        if (firstTests is not { Verdict: TestVerdict.Failed })
        {
            // Passed, or the tests cannot run at all here (no sandbox for model code, a timeout): nothing more to learn.
            return new TestDecision(first, firstTests, runs);
        }

        var reference = await FindPassingAsync(zero, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            // No combination passed within the runs: the first-ranked one stands (for --allow-failing-tests), as it failed.
            return new TestDecision(first, firstTests, runs);
        }

        reference = await MoveBackAsync(reference, cancellationToken).ConfigureAwait(false);
        var (outcome, tests) = tried[Key(reference)];
        return new TestDecision(outcome!, tests, runs);
    }

    // Errors in one member depend on each other, and errors with one key are banned together: each such group is a unit.
    private static IReadOnlyList<Unit> Units(IReadOnlyList<AppliedFix> fixes)
    {
        var groups = new List<List<AppliedFix>>();
        foreach (var fix in fixes)
        {
            var joined = groups.Where(group => group.Any(other => other.ErrorKey == fix.ErrorKey || (fix.Member is not null && other.Member == fix.Member))).ToList();
            var merged = joined.SelectMany(group => group).Append(fix).ToList();
            groups.RemoveAll(joined.Contains);
            groups.Add(merged);
        }

        return groups.Select(group => new Unit(group)).ToList();
    }

    private async Task<int[]?> FindPassingAsync(int[] start, CancellationToken cancellationToken)
    {
        foreach (var levels in Proposals(start))
        {
            var (passed, tests) = await EvaluateAsync(levels, cancellationToken).ConfigureAwait(false);
            if (passed)
            {
                return levels;
            }

            if (tests is null or { Verdict: not TestVerdict.Failed })
            {
                return null;
            }
        }

        return null;
    }

    // The combinations to try, most likely first: each half of the units that have an alternative moved to their next
    // candidate (bisection), each unit alone (least certain first), all of them; then each unit alone further down its
    // ranking; then everything one level deeper, and so on. Each move sets only the units it names, so that an
    // innocent unit's weaker alternative does not spoil the search for the culprit.
    private IEnumerable<int[]> Proposals(int[] start)
    {
        var baseline = start;
        while (true)
        {
            var movable = Enumerable.Range(0, units.Count).Where(index => units[index].HasAlternativeAt(baseline[index])).ToList();
            if (movable.Count == 0)
            {
                yield break;
            }

            var half = (movable.Count + 1) / 2;
            var alone = movable.OrderByDescending(index => units[index].Uncertainty).ThenBy(index => index).ToList();
            IReadOnlyList<IReadOnlyList<int>> moves = [movable.Take(half).ToList(), movable.Skip(half).ToList(), .. alone.Select(index => (IReadOnlyList<int>)[index]), movable];
            foreach (var move in moves.Where(move => move.Count > 0).DistinctBy(move => string.Join(',', move)))
            {
                yield return baseline.Select((level, index) => move.Contains(index) ? level + 1 : level).ToArray();
            }

            foreach (var index in alone)
            {
                for (var level = baseline[index] + 2; units[index].HasAlternativeAt(level - 1); level++)
                {
                    yield return baseline.Select((current, other) => other == index ? level : current).ToArray();
                }
            }

            baseline = baseline.Select((level, index) => movable.Contains(index) ? level + 1 : level).ToArray();
        }
    }

    // Binary splitting against a passing reference: a group moved back to the lowest levels not known to fail passes
    // (all of them are proven there) or is halved; a single unit that fails there is known to fail at that level.
    private async Task<int[]> MoveBackAsync(int[] reference, CancellationToken cancellationToken)
    {
        var failing = new HashSet<(int Unit, int Level)>();
        int? Target(int unit, int[] levels) =>
            Enumerable.Range(0, levels[unit]).Where(level => !failing.Contains((unit, level))).Select(level => (int?)level).FirstOrDefault();

        var groups = new Queue<List<int>>();
        groups.Enqueue(Enumerable.Range(0, units.Count).Where(unit => reference[unit] > 0).ToList());
        while (groups.Count > 0)
        {
            var group = groups.Dequeue().Where(unit => Target(unit, reference) is not null).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            var levels = reference.Select((level, unit) => group.Contains(unit) ? Target(unit, reference)!.Value : level).ToArray();
            var (passed, tests) = await EvaluateAsync(levels, cancellationToken).ConfigureAwait(false);
            if (passed)
            {
                reference = levels;
            }
            else if (tests is null && runs.Count >= options.MaxTestRuns)
            {
                break;
            }
            else if (group.Count == 1)
            {
                failing.Add((group[0], levels[group[0]]));
                groups.Enqueue(group);
            }
            else
            {
                var half = (group.Count + 1) / 2;
                groups.Enqueue(group.Take(half).ToList());
                groups.Enqueue(group.Skip(half).ToList());
            }
        }

        return reference;
    }

    // The repair loop builds the combination (the set-aside candidates banned), and its tests run unless it was run
    // before, it does not compile where the tests build, or the budget is spent (then: not passed, no outcome).
    private async Task<(bool Passed, TestOutcome? Tests)> EvaluateAsync(int[] levels, CancellationToken cancellationToken)
    {
        var key = Key(levels);
        if (tried.TryGetValue(key, out var known) && known.Tests is not null)
        {
            return (known.Tests.Succeeded, known.Tests);
        }

        if (runs.Count >= options.MaxTestRuns)
        {
            return (false, null);
        }

        var outcome = known.Outcome ?? await loop.RunAsync(options.MaxIterations, constraints with { Banned = Banned(levels) }, cancellationToken).ConfigureAwait(false);
        var edits = await SolutionEdits.BetweenAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
        var changedProjects = options.Tests == TestMode.All
            ? outcome.Solution.ProjectIds
            : edits.SelectMany(edit => outcome.Solution.GetDocumentIdsWithFilePath(edit.FilePath)).Select(id => id.ProjectId).Distinct();
        var testProjects = TestRunner.AffectedTestProjects(outcome.Solution, changedProjects);
        if (BlocksTests(outcome, testProjects))
        {
            var blocked = new TestOutcome(TestVerdict.Failed, testProjects.Count, 0, 0, "the combination does not compile where the tests build", null);
            tried[key] = (outcome, blocked);
            return (false, blocked);
        }

        progress?.Report(new WorkProgress("Testing", runs.Count + 1, options.MaxTestRuns, string.Join(", ", testProjects.Select(project => project.Name))));
        var scope = options.Tests switch
        {
            TestMode.Impacted => TestScope.ImpactedOnly,
            TestMode.All => TestScope.Full,
            _ => TestScope.ImpactedFirst,
        };
        var tests = await bench.RunAsync(
            outcome.Solution, edits, testProjects, scope, outcome.Applied.Any(fix => fix.Trust == CandidateTrust.Untrusted), cancellationToken)
            .ConfigureAwait(false);
        runs.Add(new TestRunLog(runs.Count + 1, outcome.Applied.Where(fix => fix.TestsDecide).ToList(), tests));
        tried[key] = (outcome, tests);
        return (tests.Succeeded, tests);
    }

    /// <summary>Whether an error of <paramref name="outcome"/> is left in a project the test projects build.</summary>
    public static bool BlocksTests(RepairOutcome outcome, IReadOnlyList<Project> testProjects)
    {
        var graph = outcome.Solution.GetProjectDependencyGraph();
        var built = testProjects
            .SelectMany(project => outcome.Solution.Projects.Where(other => other.FilePath == project.FilePath))
            .SelectMany(project => graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id).Append(project.Id))
            .ToHashSet();
        return outcome.Remaining.Any(error => built.Contains(error.Project.Id));
    }

    private HashSet<AppliedFix> Banned(int[] levels) =>
        units.SelectMany((unit, index) => unit.Fixes.SelectMany(fix => fix.Ranked.Take(Math.Min(levels[index], fix.Ranked.Count - 1))))
            .Concat(constraints.Banned)
            .ToHashSet();

    private static string Key(int[] levels) => string.Join(',', levels);
}
