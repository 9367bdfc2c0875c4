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
    /// <summary>
    /// Its place, from 0, in the order its source put its candidates for one error (the value named like the parameter
    /// before another of its type): orders candidates of one kind before their size, but, being a guess, never makes
    /// one clearly ahead of another (<see cref="Ranking.CandidateRanking.IsClearlyAheadAsync"/>).
    /// </summary>
    public int Rank { get; init; }

    /// <summary>
    /// Whether its source declared itself trusted (<see cref="ICandidateSource.Trust"/>); untrusted unless set. Untrusted
    /// code passes the allow-list gate first and is never run outside a sandbox.
    /// </summary>
    public CandidateTrust Trust { get; init; }

    /// <summary>The errors it repairs together when it is one edit for a group of them (<see cref="ErrorGroup"/>); null for one error.</summary>
    public ErrorGroup? Group { get; init; }
}
