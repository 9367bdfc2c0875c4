using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;

namespace CodeLlama.Refactor.Bench;

/// <summary>How <see cref="BenchRunner"/> measures repair.</summary>
/// <param name="Plan">How many mutants of which kinds, and the seed.</param>
/// <param name="Fix">The options each mutant's <c>fix</c> run gets, as <c>fix</c> would (never a dry run: it writes into the copy).</param>
/// <param name="ModelSources">
/// The model sources: given to each fix run as extra sources, as <c>fix --model</c> does, and judged candidate by
/// candidate for pass@k. Empty without a model.
/// </param>
/// <param name="Candidates">How many candidates each model source is asked for (the k of pass@k).</param>
/// <param name="MeasureFixRun">Whether one <c>fix</c> run on the unchanged solution is timed, to compare the bench's cost with.</param>
public sealed record BenchOptions(
    MutantPlan Plan,
    FixOptions Fix,
    IReadOnlyList<ICandidateSource> ModelSources,
    int Candidates = 0,
    bool MeasureFixRun = true);

/// <summary>How far a bench run has come.</summary>
/// <param name="Done">Mutants repaired so far.</param>
/// <param name="Total">Mutants in all.</param>
/// <param name="Next">The mutant about to be repaired, or null at the end.</param>
/// <param name="Elapsed">Time since the first mutant started.</param>
/// <param name="Left">The time left, estimated from the mutants done; null before the first is done.</param>
public sealed record BenchProgress(int Done, int Total, Mutant? Next, TimeSpan Elapsed, TimeSpan? Left);
