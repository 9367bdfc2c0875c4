namespace CodeLlama.Refactor.LLama;

/// <summary>
/// How many candidates of how many tokens fit in what a slot has left after the prompt. The candidates share the
/// prompt's KV cells, but each token any of them generates takes a cell of its own, so K candidates of N tokens need
/// K × N cells; asking for more than the slot's share would fail the decode of every request in flight.
/// </summary>
internal static class CandidateRoom
{
    /// <summary>Below this many tokens a candidate is rarely a whole statement: fewer, longer candidates are worth more.</summary>
    internal const int UsefulTokens = 32;

    /// <summary>The candidates and new tokens each that fit in <paramref name="room"/> cells.</summary>
    /// <param name="candidates">The candidates asked for (at least 1).</param>
    /// <param name="maxNew">The new tokens asked for per candidate (0 evaluates the prompt only).</param>
    /// <param name="room">The cells left in the slot after the prompt.</param>
    /// <returns>All candidates with their share of the room when each still gets <see cref="UsefulTokens"/> (or what it asked for); else as many as get that much.</returns>
    public static (int Candidates, int MaxNew) Share(int candidates, int maxNew, int room)
    {
        var asked = Math.Min(maxNew, room);
        if (asked == 0 || candidates * asked <= room)
        {
            return (candidates, asked);
        }

        var useful = Math.Min(asked, UsefulTokens);
        var count = Math.Clamp(room / useful, 1, candidates);
        return (count, Math.Min(asked, room / count));
    }
}
