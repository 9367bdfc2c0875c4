using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates;

/// <summary>Proposes repairs for one compile error; the model is one more source like the others.</summary>
public interface ICandidateSource
{
    /// <summary>Returns zero or more candidates for <paramref name="diagnostic"/> in <paramref name="document"/>.</summary>
    /// <param name="document">The document that holds the error, in the current solution.</param>
    /// <param name="diagnostic">The error to repair.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The candidates. A source that fails throws: the repair loop counts that as offering nothing, and reports it.</returns>
    Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
}
