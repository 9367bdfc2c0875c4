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
    /// Fewest errors left, then the kind of fix (what the parser expected, then a correction that uses what exists — a
    /// spelling fix, the missing using — before qualifying a name, and that before creating something to match a
    /// mistake), then the smallest edit, then the model's likelihood, then the title, so that equal runs choose alike.
    /// The kind comes before the size: a deleted using comes back as the using, not as one qualified name that happens
    /// to be shorter.
    /// </summary>
    /// <param name="verified">The candidates that compiled.</param>
    /// <returns>The candidates, best first.</returns>
    public static IReadOnlyList<VerifiedCandidate> Rank(IEnumerable<VerifiedCandidate> verified) =>
        verified
            .OrderBy(entry => entry.Verdict.ErrorDelta)
            .ThenBy(entry => entry.Candidate.Preference)
            .ThenBy(entry => entry.Verdict.EditSize)
            .ThenByDescending(entry => entry.Candidate.Likelihood)
            .ThenBy(entry => entry.Candidate.Title, StringComparer.Ordinal)
            .ToList();
}
