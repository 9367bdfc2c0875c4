using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates;

/// <summary>A proposed repair: the whole solution as it would be after it.</summary>
/// <param name="Source">Where it came from, e.g. <c>parser</c> or <c>roslyn:SpellCheck</c>.</param>
/// <param name="Title">What it does, in the source's words, e.g. "Change 'prce' to 'price'".</param>
/// <param name="Solution">The solution with the repair applied.</param>
/// <param name="Preference">Lower is preferred when all else ties: a spelling fix beats generating a member.</param>
/// <param name="Likelihood">The model's log-probability of the candidate, for candidates a model wrote; higher wins a tie.</param>
public sealed record Candidate(string Source, string Title, Solution Solution, int Preference, double Likelihood = 0)
{
    /// <summary>The prefix of <see cref="Source"/> for candidates a model wrote, e.g. <c>model:codellama-7b</c>.</summary>
    public const string ModelSourcePrefix = "model";

    /// <summary>
    /// Its place, from 0, in the order its source put its candidates for one error (the value named like the parameter
    /// before another of its type): orders candidates of one kind before their size, but, being a guess, never makes
    /// one clearly ahead of another (<see cref="Ranking.CandidateRanking.IsClearlyAheadAsync"/>).
    /// </summary>
    public int Rank { get; init; }

    /// <summary>Whether a model wrote this candidate's code: such code is never run outside a sandbox.</summary>
    public bool IsModelWritten => IsModelSource(Source);

    /// <summary>Whether <paramref name="source"/> names a model.</summary>
    /// <param name="source">A candidate's <see cref="Source"/>.</param>
    /// <returns>True for a model's candidates.</returns>
    public static bool IsModelSource(string? source) => source?.StartsWith(ModelSourcePrefix, StringComparison.Ordinal) == true;
}
