namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The verbs that API member names start with (<c>Get</c>, <c>Parse</c>, <c>Ensure</c>, …), shipped as the embedded
/// resource <c>Verbs.txt</c>: a method whose first word is one of them is phrased as doing it, any other as what it
/// returns or checks, so that "Null" never becomes "Nulls".
/// </summary>
public static class VerbLexicon
{
    private const string ResourceName = "CodeLlama.Refactor.Documentation.Verbs.txt";

    private static readonly Lazy<HashSet<string>> Verbs = new(Load);

    /// <summary>Whether <paramref name="word"/> (lower case) is a verb that starts API names.</summary>
    /// <param name="word">The first word of a name.</param>
    /// <returns>True for a listed verb.</returns>
    public static bool IsVerb(string word) => Verbs.Value.Contains(word);

    /// <summary>How many verbs the lexicon holds.</summary>
    public static int Count => Verbs.Value.Count;

    private static HashSet<string> Load()
    {
        using var stream = typeof(VerbLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                verbs.Add(word);
            }
        }

        return verbs;
    }
}
