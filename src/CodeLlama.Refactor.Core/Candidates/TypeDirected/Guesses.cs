namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// Which candidates are guesses: ones their source cannot tell from their siblings by kind (an in-scope value of the
/// right type, <c>default</c>, a changed declared type, a conversion, one of several argument orders, a related name).
/// A guess is written only when a test reaches the member it changes and every such test passes; what the parser
/// expected, a spelling fix and a missing using keep the rules of deterministic repairs.
/// </summary>
public static class Guesses
{
    /// <summary>Whether a candidate of <paramref name="source"/> is a guess.</summary>
    /// <param name="source">The candidate's <see cref="Candidate.Source"/>.</param>
    /// <returns>True for a guess.</returns>
    public static bool IsGuess(string source) => source == TypeDirectedSource.SourceName;
}
