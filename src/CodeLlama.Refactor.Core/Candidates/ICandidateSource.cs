using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates;

/// <summary>Proposes repairs for one compile error; the model is one more source like the others.</summary>
public interface ICandidateSource
{
    /// <summary>
    /// Whether this source's code may skip the allow-list gate. A source is untrusted unless it declares otherwise; the
    /// repair loop stamps every candidate with its source's trust, so a candidate cannot claim more than its source.
    /// </summary>
    CandidateTrust Trust => CandidateTrust.Untrusted;

    /// <summary>Returns zero or more candidates for <paramref name="diagnostic"/> in <paramref name="document"/>.</summary>
    /// <param name="document">The document that holds the error, in the current solution.</param>
    /// <param name="diagnostic">The error to repair.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The candidates. A source that fails throws: the repair loop counts that as offering nothing, and reports it.</returns>
    Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
}
