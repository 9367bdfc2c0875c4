using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Ranking;

/// <summary>A candidate that compiled, with what its compilation showed.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Verdict">Its accepted verdict.</param>
public sealed record VerifiedCandidate(Candidate Candidate, CompileVerdict Verdict);

/// <summary>Orders the candidates that compiled for one target, best first.</summary>
public static class CandidateRanking
{
    /// <summary>
    /// Fewest errors left, then the smallest edit, then the kind of fix (a correction that uses what exists before one
    /// that creates something to match a mistake), then the model's likelihood, then the title, so that equal runs
    /// choose alike.
    /// </summary>
    /// <param name="verified">The candidates that compiled.</param>
    /// <returns>The candidates, best first.</returns>
    public static IReadOnlyList<VerifiedCandidate> Rank(IEnumerable<VerifiedCandidate> verified) =>
        verified
            .OrderBy(entry => entry.Verdict.ErrorDelta)
            .ThenBy(entry => entry.Verdict.EditSize)
            .ThenBy(entry => entry.Candidate.Preference)
            .ThenByDescending(entry => entry.Candidate.Likelihood)
            .ThenBy(entry => entry.Candidate.Title, StringComparer.Ordinal)
            .ToList();
}
