using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>
/// What differs between two texts that share no edit history (a code action's whole rewritten document, say): the span
/// between their common start and common end.
/// </summary>
internal static class ChangedSpan
{
    /// <summary>The differing span in <paramref name="after"/>, and the characters removed plus inserted.</summary>
    public static (TextSpan Span, int Size) Between(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        return (TextSpan.FromBounds(prefix, after.Length - suffix), before.Length - prefix - suffix + after.Length - prefix - suffix);
    }
}
