using CodeLlama.Refactor.Documentation;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>How alike two identifiers read: shared words count, so <c>total</c> is close to <c>orderTotal</c>.</summary>
internal static class NameSimilarity
{
    // Words that name the same idea in different APIs; a name written with one often means the other.
    private static readonly string[][] Synonyms =
    [
        ["length", "count", "size"],
        ["add", "append", "push", "insert"],
        ["remove", "delete"],
        ["get", "find", "fetch", "lookup"],
        ["total", "sum"],
        ["price", "cost", "amount"],
        ["name", "title", "label"],
        ["value", "val"],
    ];

    /// <summary>A score in [0, 1]: 1 for the same name (ignoring case), 0 for names with nothing in common.</summary>
    public static double Score(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var leftWords = Words(left);
        var rightWords = Words(right);
        if (leftWords.Count == 0 || rightWords.Count == 0)
        {
            return 0;
        }

        var shared = leftWords.Count(word => rightWords.Contains(word));
        var related = leftWords.Count(word => !rightWords.Contains(word) && rightWords.Any(other => AreSynonyms(word, other)));
        var words = (shared + (0.8 * related)) / Math.Max(leftWords.Count, rightWords.Count);
        var contained = left.Contains(right, StringComparison.OrdinalIgnoreCase) || right.Contains(left, StringComparison.OrdinalIgnoreCase)
            ? 0.5 * Math.Min(left.Length, right.Length) / Math.Max(left.Length, right.Length)
            : 0;
        return Math.Min(0.95, Math.Max(words * 0.9, contained));
    }

    /// <summary>
    /// Whether the IDE's spell-check already offers <paramref name="candidate"/> for <paramref name="written"/>: a few
    /// edits apart, as its word similarity checker allows. Such names are left to it.
    /// </summary>
    public static bool IsSpellingDistance(string written, string candidate)
    {
        // Spell-check also takes a name that contains the one written, or is contained in it ('parameter' for
        // 'parameterName', 'String' for 'ToString').
        var threshold = written.Length <= 4 ? 1 : 2;
        return written.Contains(candidate, StringComparison.OrdinalIgnoreCase) || candidate.Contains(written, StringComparison.OrdinalIgnoreCase)
            || EditDistance(written.ToLowerInvariant(), candidate.ToLowerInvariant()) <= threshold;
    }

    private static HashSet<string> Words(string name) =>
        NameWords.Split(name).Select(word => word.ToLowerInvariant()).Where(word => word.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static bool AreSynonyms(string left, string right) =>
        Synonyms.Any(group => group.Contains(left) && group.Contains(right));

    private static int EditDistance(string left, string right)
    {
        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        for (var i = 1; i <= left.Length; i++)
        {
            var current = new int[right.Length + 1];
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[right.Length];
    }
}
