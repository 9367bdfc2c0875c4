namespace CodeLlama.Refactor.Documentation;

/// <summary>Turns identifiers into the words a sentence about them needs.</summary>
public static class NameWords
{
    /// <summary>Splits <c>PerimeterAsync</c>, <c>toMetres</c> or <c>HTTPClient</c> into lower-case words.</summary>
    /// <param name="identifier">A C# identifier.</param>
    /// <returns>The words, lower case except for all-capital acronyms.</returns>
    public static IReadOnlyList<string> Split(string identifier)
    {
        var words = new List<string>();
        foreach (var word in Words(identifier.TrimStart('_', '@')))
        {
            words.Add(word.Length > 1 && word.All(char.IsUpper) ? word : word.ToLowerInvariant());
        }

        return words;
    }

    /// <summary>The words of <paramref name="identifier"/> joined by spaces.</summary>
    /// <param name="identifier">A C# identifier.</param>
    /// <returns>For example "vertex moved" for <c>VertexMoved</c>.</returns>
    public static string Phrase(string identifier) => string.Join(" ", Split(identifier));

    /// <summary>The third-person form of a verb: adds → adds, try → tries, push → pushes.</summary>
    /// <param name="verb">A verb in lower case.</param>
    /// <returns>The verb as it follows "it".</returns>
    public static string ThirdPerson(string verb) => verb switch
    {
        "is" or "has" or "does" => verb,
        "be" => "is",
        "have" => "has",
        "do" => "does",
        _ when verb.EndsWith('y') && verb.Length > 1 && !"aeiou".Contains(verb[^2]) => verb[..^1] + "ies",
        _ when verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal)
            || verb.EndsWith("sh", StringComparison.Ordinal) => verb + "es",
        _ => verb + "s",
    };

    /// <summary>"a" or "an" before <paramref name="word"/>.</summary>
    /// <param name="word">The word that follows the article.</param>
    /// <returns>The indefinite article.</returns>
    public static string Article(string word) =>
        word.Length > 0 && "aeiouAEIOU".Contains(word[0]) && !SoundsLikeYou(word) ? "an" : "a";

    // "a unit", "a user", "a euro": vowels that are spoken with a leading consonant sound.
    private static bool SoundsLikeYou(string word) =>
        new[] { "uni", "use", "usu", "uti", "eu" }.Any(prefix => word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Upper-cases the first letter.</summary>
    /// <param name="text">A sentence.</param>
    /// <returns>The sentence with a capital first letter.</returns>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // The words as the pattern [A-Z]+(?=[A-Z][a-z]) | [A-Z]?[a-z]+ | [A-Z]+ | \d+ finds them: an acronym ends before
    // the capital that starts the next word ("HTTPClient" is "HTTP", "Client"). Hand-written, since doc splits
    // thousands of names per run and an interpreted pattern was a visible part of its time.
    private static IEnumerable<string> Words(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var start = index;
            if (char.IsDigit(text[index]))
            {
                index = Skip(text, index, char.IsDigit);
            }
            else if (IsAsciiUpper(text[index]))
            {
                var capitalsEnd = Skip(text, index, IsAsciiUpper);
                if (capitalsEnd < text.Length && IsAsciiLower(text[capitalsEnd]))
                {
                    if (capitalsEnd - index > 1)
                    {
                        yield return text.Substring(index, capitalsEnd - 1 - index);
                        start = capitalsEnd - 1;
                    }

                    index = Skip(text, capitalsEnd, IsAsciiLower);
                }
                else
                {
                    index = capitalsEnd;
                }
            }
            else if (IsAsciiLower(text[index]))
            {
                index = Skip(text, index, IsAsciiLower);
            }
            else
            {
                index++;
                continue;
            }

            yield return text.Substring(start, index - start);
        }
    }

    private static int Skip(string text, int index, Func<char, bool> matches)
    {
        while (index < text.Length && matches(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsAsciiUpper(char character) => character is >= 'A' and <= 'Z';

    private static bool IsAsciiLower(char character) => character is >= 'a' and <= 'z';
}
