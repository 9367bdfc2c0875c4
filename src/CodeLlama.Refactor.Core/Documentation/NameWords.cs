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
        var tick = identifier.IndexOf('`');
        var raw = Words((tick > 0 ? identifier.Substring(0, tick) : identifier).TrimStart('_', '@')).ToList();
        for (var index = 0; index < raw.Count; index++)
        {
            if (IsBrand(raw, index))
            {
                words.Add(raw[index] + raw[index + 1]);
                index++;
                continue;
            }

            var word = raw[index];
            words.Add(word.Length > 1 && word.All(char.IsUpper) ? word : word.ToLowerInvariant());
        }

        return words;
    }

    // A brand's closing capital is part of its word: "MediatR", "SignalR" are one word, as written, at the end of a
    // name or inside it ("MediatRServiceConfiguration"). Not after a verb ("GetX", "SetYCoordinate": a verb and a
    // name), and not "A" or "I", which are words of their own ("IsAValue").
    private static bool IsBrand(List<string> raw, int index) =>
        index + 1 < raw.Count && raw[index + 1] is [var capital] && char.IsUpper(capital) && capital is not ('A' or 'I')
        && raw[index].Length > 1 && char.IsUpper(raw[index][0]) && raw[index].Skip(1).All(char.IsLower)
        && !VerbLexicon.IsVerb(raw[index].ToLowerInvariant());

    /// <summary>The words of <paramref name="identifier"/> joined by spaces.</summary>
    /// <remarks>A metadata name's generic arity (<c>List`1</c>) is not a word.</remarks>
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

    /// <summary>The phrase with "a" or "an" in front, or as it is when it reads as a plural ("events").</summary>
    /// <param name="phrase">A noun phrase.</param>
    /// <returns>For example "a guard clause", "an event", "options".</returns>
    public static string WithArticle(string phrase) => IsPlural(phrase) ? phrase : $"{Article(phrase)} {phrase}";

    /// <summary>Whether the last word of <paramref name="phrase"/> reads as a plural noun.</summary>
    /// <param name="phrase">A noun phrase.</param>
    /// <returns>True for "options", "items"; false for "status", "class", "analysis".</returns>
    public static bool IsPlural(string phrase)
    {
        var last = phrase.Split(' ').Last();
        return last.Length > 3 && last.EndsWith("s", StringComparison.Ordinal)
            && !last.EndsWith("ss", StringComparison.Ordinal) && !last.EndsWith("us", StringComparison.Ordinal)
            && !last.EndsWith("is", StringComparison.Ordinal) && !last.All(char.IsUpper);
    }

    /// <summary>Whether <paramref name="word"/> starts a phrase that needs no article ("to", "from", "all", "async").</summary>
    /// <param name="word">A lower-case word.</param>
    /// <returns>True for prepositions, conjunctions, determiners and adverbs that names start with.</returns>
    public static bool IsFunctionWord(string word) => word is "to" or "from" or "for" or "by" or "with" or "without" or "on"
        or "in" or "into" or "at" or "of" or "if" or "all" or "any" or "async" or "once" or "and" or "or" or "not" or "no"
        or "as" or "over" or "under" or "up" or "down" or "out" or "off" or "back" or "until" or "while" or "when" or "where"
        or "against" or "between" or "after" or "before" or "next" or "many" or "each" or "every" or "this" or "that" or "one"
        || word.Length > 0 && char.IsDigit(word[0]);

    /// <summary>
    /// Whether <paramref name="word"/>, a verb of the lexicon, names a thing in API names as often as an action: in
    /// <c>SortCode()</c> and <c>ListItem(list)</c> it is the first word of a noun phrase, in <c>SortItems()</c> a verb.
    /// </summary>
    /// <param name="word">A lower-case word.</param>
    /// <returns>True for "sort", "list", "order", "record", "map", "index", …</returns>
    public static bool IsNounAsOftenAsVerb(string word) => word is "list" or "sort" or "order" or "record" or "map" or "display"
        or "report" or "filter" or "group" or "test" or "lock" or "trace" or "index" or "link" or "hash" or "track" or "post"
        or "cache" or "queue" or "block" or "store" or "stream" or "count" or "sum" or "format" or "return" or "mark"
        or "sample" or "view" or "process" or "check" or "zip";

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
