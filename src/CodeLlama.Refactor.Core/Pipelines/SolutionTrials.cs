using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The errors the tests decide on, in units: errors in one member (<see cref="MemberIdentity"/>), or with one key
/// (their candidates are banned together), form one unit, a group with one root cause; units in different members
/// are independent and share each run.
/// </summary>
/// <param name="Fixes">The unit's fixes as first applied, each with its ranked alternatives.</param>
internal sealed record TestUnit(IReadOnlyList<AppliedFix> Fixes)
{
    /// <summary>How many candidates the unit has at most: its longest ranking, with the candidates left unverified.</summary>
    public int Candidates => Fixes.Max(fix => fix.Ranked.Count + fix.Unverified);

    /// <summary>
    /// Per level tried (0: the first), the fixes a trial held for the unit; empty until the tests ran. A candidate left
    /// unverified at first is verified, and ranked, only in the trials that ban the ones before it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<AppliedFix>> HeldByLevel { get; init; } = [];

    /// <summary>The level a trial held the candidate of <paramref name="error"/> from <paramref name="source"/> at, or -1.</summary>
    public int LevelOf(DiagnosticKey error, string source, string title)
    {
        var levels = HeldByLevel.Count > 0 ? HeldByLevel : Fixes.FirstOrDefault(fix => fix.ErrorKey == error)?.Ranked.Select(fix => (IReadOnlyList<AppliedFix>)[fix]).ToList() ?? [];
        for (var level = 0; level < levels.Count; level++)
        {
            if (levels[level].Any(fix => fix.ErrorKey == error && fix.Source == source && fix.Title == title))
            {
                return level;
            }
        }

        return -1;
    }

    /// <summary>Groups the fixes the tests decide on into units.</summary>
    public static IReadOnlyList<TestUnit> Of(IEnumerable<AppliedFix> fixes)
    {
        var groups = new List<List<AppliedFix>>();
        foreach (var fix in fixes)
        {
            var joined = groups.Where(group => group.Any(other => other.ErrorKey == fix.ErrorKey || (fix.Member is not null && other.Member == fix.Member))).ToList();
            var merged = joined.SelectMany(group => group).Append(fix).ToList();
            groups.RemoveAll(joined.Contains);
            groups.Add(merged);
        }

        return groups.Select(group => new TestUnit(group)).ToList();
    }
}

/// <summary>
/// Builds each combination of units' candidates with the repair loop (the set-aside candidates banned), so that it is
/// compiled again, finds the tests that reach each unit's candidate, and runs the tests on the bench.
/// </summary>
internal sealed class SolutionTrials(
    LoadedSolution loaded, RepairLoop loop, RepairConstraints constraints, FixOptions options, TestBench bench, IReadOnlyList<TestUnit> units, IProgress<WorkProgress>? progress)
    : ITrialBench
{
    private const string CrashedHost = "(the test host crashed)";

    private readonly Dictionary<string, RepairOutcome> built = new(StringComparer.Ordinal);
    private readonly Dictionary<AppliedFix, IReadOnlyList<string>?> judges = [];

    // Per unit and level, what the combination built for that level held for the unit: a level bans what the levels
    // before it held, so that the loop verifies and ranks the rest (those it left unverified at first included).
    private readonly Dictionary<(int Unit, int Level), IReadOnlyList<AppliedFix>> heldAt = [];

    /// <summary>What each run held, per unit, for the report.</summary>
    public List<IReadOnlyList<AppliedFix?>> Held { get; } = [];

    public async Task<Trial> TryAsync(IReadOnlyList<int> levels, CancellationToken cancellationToken)
    {
        var outcome = await BuildAsync(levels, new HashSet<DiagnosticKey>(), cancellationToken).ConfigureAwait(false);
        var edits = await SolutionEdits.BetweenAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
        var changedProjects = options.Tests == TestMode.All
            ? outcome.Solution.ProjectIds
            : edits.SelectMany(edit => outcome.Solution.GetDocumentIdsWithFilePath(edit.FilePath)).Select(id => id.ProjectId).Distinct();
        var testProjects = TestRunner.AffectedTestProjects(outcome.Solution, changedProjects);
        var held = units.Select(unit => HeldFixes(unit, outcome)).ToList();
        for (var unit = 0; unit < units.Count; unit++)
        {
            heldAt.TryAdd((unit, levels[unit]), held[unit]);
        }
        // Who judges each fix (the tests that reach it, found by walking references through the test projects) matters
        // only where a run does not accept everything it held: a test failed, the host crashed, or a held fix is a guess,
        // written only with a judge. A run that passes with no guess held needs no walk.
        var unjudged = held.Select(fixes => fixes.Count == 0 ? null : new Suspect(Title(fixes), null, fixes.Any(fix => fix.IsGuess))).ToList();
        if (BlocksTests(outcome, testProjects))
        {
            return new Trial(unjudged, null);
        }

        progress?.Report(new WorkProgress("Testing", Held.Count + 1, options.MaxTestRuns, string.Join(", ", testProjects.Select(project => project.Name))));
        var scope = options.Tests switch
        {
            TestMode.Impacted => TestScope.ImpactedOnly,
            TestMode.All => TestScope.Full,
            _ => TestScope.ImpactedFirst,
        };
        var tests = await bench.RunAsync(
            outcome.Solution, edits, testProjects, scope, outcome.Applied.Any(fix => fix.Trust == CandidateTrust.Untrusted), cancellationToken)
            .ConfigureAwait(false);
        Held.Add(held.Select(fixes => fixes.FirstOrDefault()).ToList());
        if (tests.Succeeded && !tests.Aborted && unjudged.All(suspect => suspect is not { IsGuess: true }))
        {
            return new Trial(unjudged, tests);
        }

        var suspects = new List<Suspect?>();
        foreach (var fixes in held)
        {
            suspects.Add(fixes.Count == 0 ? null : await SuspectAsync(fixes, testProjects, cancellationToken).ConfigureAwait(false));
        }

        if (tests.Aborted)
        {
            return await PerUnitAsync(suspects, outcome.Solution, edits, testProjects, tests, cancellationToken).ConfigureAwait(false);
        }

        return new Trial(suspects, tests);
    }

    // A crashed test host (a candidate that recurses without end) names no failing test: each unit's judges run alone
    // on the same combination, so that the crash convicts only the candidates whose tests it happens in. The split is
    // part of the run it explains, and counts as that one run of the budget.
    private async Task<Trial> PerUnitAsync(
        IReadOnlyList<Suspect?> suspects, Solution solution, IReadOnlyList<FileEdit> edits, IReadOnlyList<Project> testProjects, TestOutcome crashed, CancellationToken cancellationToken)
    {
        var changed = edits.Select(edit => (edit.FilePath, edit.Updated.ToString())).ToList();
        var modelWritten = Held[^1].Any(fix => fix is not null && fix.Trust == CandidateTrust.Untrusted);
        var failed = new SortedSet<string>(StringComparer.Ordinal);
        int passed = 0, failing = 0;
        foreach (var judges in suspects.Select(suspect => suspect?.Judges).OfType<IReadOnlyList<string>>().Where(judges => judges.Count > 0).DistinctBy(judges => string.Join(',', judges)))
        {
            var alone = await bench.RunAsync(solution, changed, testProjects, judges, modelWritten, cancellationToken).ConfigureAwait(false);
            passed += alone.Passed;
            failing += alone.Failed;
            failed.UnionWith(alone.Aborted || (alone.Failed == 0 && !alone.Succeeded) ? judges : alone.FailedTests);
        }

        // A crash in a test no unit's judges name stays unexplained: it convicts only candidates whose judges are unknown.
        IReadOnlyList<string> names = failed.Count > 0 ? [.. failed] : [CrashedHost];
        var tests = crashed with { Passed = passed, Failed = Math.Max(failing, names.Count), FailedTests = names };
        return new Trial(suspects, tests);
    }

    /// <summary>The combination of <paramref name="levels"/> with the errors of <paramref name="withheld"/> left unrepaired.</summary>
    public async Task<RepairOutcome> BuildAsync(IReadOnlyList<int> levels, IReadOnlySet<DiagnosticKey> withheld, CancellationToken cancellationToken)
    {
        var key = string.Join(',', levels) + "|" + string.Join(',', withheld.Select(error => error.ToString()).Order(StringComparer.Ordinal));
        if (!built.TryGetValue(key, out var outcome))
        {
            var banned = units.SelectMany((unit, index) => Enumerable.Range(0, levels[index]).SelectMany(level => HeldAt(index, level)))
                .Concat(constraints.Banned)
                .ToHashSet();
            var all = new HashSet<DiagnosticKey>(constraints.Withheld);
            all.UnionWith(withheld);
            outcome = await loop.RunAsync(options.MaxIterations, constraints with { Banned = banned, Withheld = all }, cancellationToken).ConfigureAwait(false);
            built[key] = outcome;
        }

        return outcome;
    }

    /// <summary>Remembers <paramref name="outcome"/> as the combination of <paramref name="levels"/> with nothing withheld.</summary>
    public void Seed(IReadOnlyList<int> levels, RepairOutcome outcome) => built[string.Join(',', levels) + "|"] = outcome;

    /// <summary><paramref name="unit"/> (the unit at <paramref name="index"/>) with what the trials held for it, per level.</summary>
    public TestUnit WithHeldLevels(TestUnit unit, int index)
    {
        var levels = new List<IReadOnlyList<AppliedFix>>();
        while (heldAt.TryGetValue((index, levels.Count), out var held))
        {
            levels.Add(held);
        }

        return unit with { HeldByLevel = levels };
    }

    // What the unit at index held at a level; a level no trial built yet is the ranking's candidate at that place.
    private IReadOnlyList<AppliedFix> HeldAt(int index, int level) =>
        heldAt.TryGetValue((index, level), out var held) ? held : [.. units[index].Fixes.SelectMany(fix => fix.Ranked.Skip(level).Take(1))];

    /// <summary>Whether an error of <paramref name="outcome"/> is left in a project the test projects build.</summary>
    public static bool BlocksTests(RepairOutcome outcome, IReadOnlyList<Project> testProjects)
    {
        var graph = outcome.Solution.GetProjectDependencyGraph();
        var builtProjects = testProjects
            .SelectMany(project => outcome.Solution.Projects.Where(other => other.FilePath == project.FilePath))
            .SelectMany(project => graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id).Append(project.Id))
            .ToHashSet();
        return outcome.Remaining.Any(error => builtProjects.Contains(error.Project.Id));
    }

    private static List<AppliedFix> HeldFixes(TestUnit unit, RepairOutcome outcome) =>
        outcome.Applied.Where(fix => fix.TestsDecide && unit.Fixes.Any(first => first.ErrorKey == fix.ErrorKey)).ToList();

    // A unit's judges are the tests that reach a member any of its fixes changes; unknown when one fix's cannot be told.
    private async Task<Suspect> SuspectAsync(IReadOnlyList<AppliedFix> fixes, IReadOnlyList<Project> testProjects, CancellationToken cancellationToken)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        var known = true;
        foreach (var fix in fixes)
        {
            if (!judges.TryGetValue(fix, out var reaching))
            {
                reaching = judges[fix] = await JudgesAsync(fix, testProjects, cancellationToken).ConfigureAwait(false);
            }

            known &= reaching is not null;
            all.UnionWith(reaching ?? []);
        }

        return new Suspect(Title(fixes), known ? [.. all] : null, fixes.Any(fix => fix.IsGuess));
    }

    private static string Title(IReadOnlyList<AppliedFix> fixes) => string.Join("; ", fixes.Select(fix => $"{fix.Source}: {fix.Title}"));

    private static async Task<IReadOnlyList<string>?> JudgesAsync(AppliedFix fix, IReadOnlyList<Project> testProjects, CancellationToken cancellationToken)
    {
        if (fix.Change is not var (before, after))
        {
            return null;
        }

        var edits = await SolutionEdits.BetweenAsync(before, after, cancellationToken).ConfigureAwait(false);
        var projects = testProjects.SelectMany(project => after.Projects.Where(other => other.FilePath == project.FilePath)).ToList();
        // Only a test that names the member (or a base the solution declares) judges it: a call through object.ToString
        // reaches every override, and would vouch for a guess in a member no test runs.
        return await ImpactedTests.FindAsync(after, edits, projects, cancellationToken, throughExternalBases: false).ConfigureAwait(false);
    }
}
