using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Ranking;

/// <summary>A candidate that compiled, with what its compilation showed.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Verdict">Its accepted verdict.</param>
public sealed record VerifiedCandidate(Candidate Candidate, CompileVerdict Verdict);

/// <summary>Orders the candidates that compiled for one target, best first, and says when the first needs no tests to win.</summary>
public static class CandidateRanking
{
    /// <summary>
    /// Fewest errors left, then the kind of fix (what the parser expected, then a correction that uses what exists — a
    /// spelling fix, the missing using — before qualifying a name, and that before creating something to match a
    /// mistake), then the order its source gave it, then the smallest edit, then the model's likelihood, then the title, so that equal runs choose alike.
    /// The kind comes before the size: a deleted using comes back as the using, not as one qualified name that happens
    /// to be shorter.
    /// </summary>
    /// <param name="verified">The candidates that compiled.</param>
    /// <returns>The candidates, best first.</returns>
    public static IReadOnlyList<VerifiedCandidate> Rank(IEnumerable<VerifiedCandidate> verified) =>
        verified
            .OrderBy(entry => entry.Verdict.ErrorDelta)
            .ThenBy(entry => entry.Candidate.Preference)
            .ThenBy(entry => entry.Candidate.Rank)
            .ThenBy(entry => entry.Verdict.EditSize)
            .ThenByDescending(entry => entry.Candidate.Likelihood)
            .ThenBy(entry => entry.Candidate.Title, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The order candidates are verified in: by the kind of fix, then the order their source gave them, as
    /// <see cref="Rank"/> breaks ties after the errors left. Verified in this order, the candidates still unverified
    /// once the best verified one leaves no error it could remove are all of a kind no better than it
    /// (<see cref="CouldOutrank"/>).
    /// </summary>
    /// <param name="candidates">The candidates of one target.</param>
    /// <returns>The candidates, in the order to verify them.</returns>
    public static IReadOnlyList<Candidate> VerificationOrder(IEnumerable<Candidate> candidates) =>
        candidates.OrderBy(candidate => candidate.Preference).ThenBy(candidate => candidate.Rank).ToList();

    /// <summary>
    /// Whether <paramref name="unverified"/>, once it compiled, could rank ahead of <paramref name="best"/> or tie with it
    /// for the first place (<see cref="IsClearlyAheadAsync"/>). The fewest errors a candidate can leave is none of the
    /// <paramref name="errorsBefore"/> the solution had (a verified candidate never adds an error), so a best that removes
    /// that many is beaten only by a candidate that removes as many and is of a strictly preferred kind; one of the same
    /// kind is verified too, because it could tie.
    /// </summary>
    /// <param name="unverified">A candidate not yet verified.</param>
    /// <param name="best">The best of the candidates verified so far (the first of <see cref="Rank"/>).</param>
    /// <param name="errorsBefore">The build errors of the solution the candidates were made from.</param>
    /// <returns>False when verifying it cannot change the first place or whether it is clearly ahead.</returns>
    public static bool CouldOutrank(Candidate unverified, VerifiedCandidate best, int errorsBefore)
    {
        ArgumentNullException.ThrowIfNull(unverified);
        ArgumentNullException.ThrowIfNull(best);
        return best.Verdict.ErrorDelta > -errorsBefore || unverified.Preference <= best.Candidate.Preference;
    }

    /// <summary>
    /// Whether the first of <paramref name="ranked"/> may be written without a test to choose: it is the only candidate
    /// (candidates making the same edit count as one), or it leaves strictly fewer errors than the runner-up, or as few
    /// and is of a strictly preferred kind. A smaller edit, a higher likelihood or the title only break ties for the
    /// order; they do not make a winner.
    /// </summary>
    /// <param name="ranked">Candidates in the order of <see cref="Rank"/>.</param>
    /// <param name="cancellationToken">Cancels reading the candidates' texts.</param>
    /// <returns>True when the first is clearly ahead.</returns>
    public static async Task<bool> IsClearlyAheadAsync(IReadOnlyList<VerifiedCandidate> ranked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count == 0)
        {
            return false;
        }

        var best = ranked[0];
        foreach (var other in ranked.Skip(1))
        {
            if (await SameEditAsync(best.Candidate, other.Candidate, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            return best.Verdict.ErrorDelta < other.Verdict.ErrorDelta
                || (best.Verdict.ErrorDelta == other.Verdict.ErrorDelta && best.Candidate.Preference < other.Candidate.Preference);
        }

        return true;
    }

    // Two sources may offer one edit (the parser and an IDE fix both insert the ';'): the same texts are one alternative.
    private static async Task<bool> SameEditAsync(Candidate first, Candidate second, CancellationToken cancellationToken)
    {
        var changed = second.Solution.GetChanges(first.Solution).GetProjectChanges()
            .SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true));
        foreach (var id in changed)
        {
            var one = await first.Solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var other = await second.Solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (!one.ContentEquals(other))
            {
                return false;
            }
        }

        return second.Solution.GetChanges(first.Solution).GetProjectChanges()
            .All(project => !project.GetAddedDocuments().Any() && !project.GetRemovedDocuments().Any());
    }
}
