namespace CodeLlama.Refactor.Bench;

/// <summary>Counts of outcomes over a group of mutants.</summary>
/// <param name="Name">The group: a kind's name, a source family, or <c>all</c>.</param>
/// <param name="Mutants">Mutants in the group.</param>
/// <param name="Exact">Restored exactly.</param>
/// <param name="Passes">Repaired with other text that builds and passes.</param>
/// <param name="Left">Not repaired.</param>
/// <param name="Wrong">Written but wrong.</param>
/// <param name="MeanTime">Mean time per mutant.</param>
public sealed record OutcomeCounts(string Name, int Mutants, int Exact, int Passes, int Left, int Wrong, TimeSpan MeanTime)
{
    /// <summary>The share repaired (exact or passes), from 0 to 1; 0 for an empty group.</summary>
    public double RepairRate => Mutants == 0 ? 0 : (double)(Exact + Passes) / Mutants;

    /// <summary>Counts over <paramref name="runs"/>.</summary>
    public static OutcomeCounts Of(string name, IReadOnlyCollection<MutantRun> runs) => new(
        name,
        runs.Count,
        runs.Count(run => run.Outcome == BenchOutcome.Exact),
        runs.Count(run => run.Outcome == BenchOutcome.Passes),
        runs.Count(run => run.Outcome == BenchOutcome.Left),
        runs.Count(run => run.Outcome == BenchOutcome.Wrong),
        runs.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)runs.Average(run => run.Time.Ticks)));
}

/// <summary>pass@1 and pass@k of one model source: its candidates judged one by one.</summary>
/// <param name="Source">The source (<c>model:NAME</c>).</param>
/// <param name="Mutants">Mutants it was asked about.</param>
/// <param name="PassAt1">Mutants whose first candidate repairs them.</param>
/// <param name="PassAtK">Mutants one of whose candidates repairs them.</param>
/// <param name="K">Candidates asked for per mutant.</param>
/// <param name="Written">Mutants whose written fix came from this source.</param>
public sealed record ModelScore(string Source, int Mutants, int PassAt1, int PassAtK, int K, int Written)
{
    /// <summary>pass@1 as a share from 0 to 1.</summary>
    public double PassAt1Rate => Mutants == 0 ? 0 : (double)PassAt1 / Mutants;

    /// <summary>pass@k as a share from 0 to 1.</summary>
    public double PassAtKRate => Mutants == 0 ? 0 : (double)PassAtK / Mutants;
}

/// <summary>The numbers a bench report shows: per kind, per source family, per model source, and in all.</summary>
/// <param name="ByKind">One row per kind of the plan.</param>
/// <param name="BySource">
/// One row per source family that wrote a fix (parser, ide, typed, model, groups, …), and <c>none</c> for the rest
/// (<see cref="BenchSummary.Family(MutantRun)"/>).
/// </param>
/// <param name="Models">pass@1 and pass@k of each model source.</param>
/// <param name="All">All mutants.</param>
public sealed record BenchSummary(IReadOnlyList<OutcomeCounts> ByKind, IReadOnlyList<OutcomeCounts> BySource, IReadOnlyList<ModelScore> Models, OutcomeCounts All)
{
    /// <summary>The family of fixes that repaired a group of errors with one root cause as one edit.</summary>
    public const string GroupsFamily = "groups";

    /// <summary>Summarises <paramref name="result"/>.</summary>
    /// <param name="result">A bench result.</param>
    /// <param name="modelSources">The model sources' names (<c>model:NAME</c>), so that one that never offered a candidate still has a row.</param>
    /// <returns>The summary.</returns>
    public static BenchSummary Of(BenchResult result, IReadOnlyList<string>? modelSources = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Runs;
        var byKind = result.Plan.Kinds.Select(kind => OutcomeCounts.Of(kind.Name(), runs.Where(run => run.Mutant.Kind == kind).ToList())).ToList();
        var bySource = runs.GroupBy(Family).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => OutcomeCounts.Of(group.Key, group.ToList())).ToList();
        var names = (modelSources ?? []).Concat(runs.SelectMany(run => run.Samples).Select(sample => sample.Source)).Distinct(StringComparer.Ordinal);
        var models = result.Candidates == 0 ? [] : names.Select(name => new ModelScore(
            name,
            runs.Count,
            runs.Count(run => run.Samples.Any(sample => sample.Source == name && sample.Index == 0 && sample.Passed)),
            runs.Count(run => run.Samples.Any(sample => sample.Source == name && sample.Passed)),
            result.Candidates,
            runs.Count(run => run.Source == name && run.Repaired))).ToList();
        return new BenchSummary(byKind, bySource, models, OutcomeCounts.Of("all", runs));
    }

    /// <summary>
    /// The family a mutant's repair is counted under: <c>groups</c> when one edit repaired its error together with the
    /// others of the same root cause (whatever source made that edit), else the family of the source that wrote it.
    /// </summary>
    /// <param name="run">A mutant's run.</param>
    /// <returns>The family.</returns>
    public static string Family(MutantRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Group is not null && run.Source is not null ? GroupsFamily : Family(run.Source);
    }

    /// <summary>
    /// The family of a candidate source: <c>parser</c>, <c>ide</c> (Roslyn's code fixes), <c>typed</c>, <c>model</c>, the
    /// part before ':' of any other, and <c>none</c> when nothing was written.
    /// </summary>
    /// <param name="source">A candidate's source, or null.</param>
    /// <returns>The family.</returns>
    public static string Family(string? source) => source switch
    {
        null => "none",
        _ when source.StartsWith("roslyn:", StringComparison.Ordinal) => "ide",
        _ when source.Contains(':', StringComparison.Ordinal) => source[..source.IndexOf(':', StringComparison.Ordinal)],
        _ => source,
    };
}
