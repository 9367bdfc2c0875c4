namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>The words users write for capabilities (<c>--allow-capability file,process</c>), one per capability.</summary>
public static class CapabilityNames
{
    /// <summary>The user's word for <paramref name="capability"/>: its name in lower case.</summary>
    /// <param name="capability">A capability.</param>
    /// <returns>For example <c>file</c>.</returns>
    public static string Word(this Capability capability) => capability.ToString().ToLowerInvariant();

    /// <summary>Every word, in the enum's order, for help texts and errors.</summary>
    public static IReadOnlyList<string> All { get; } =
        ((Capability[])Enum.GetValues(typeof(Capability))).Select(capability => capability.Word()).ToList();

    /// <summary>Reads a comma- or space-separated list of words, e.g. <c>file, process</c>.</summary>
    /// <param name="text">The list.</param>
    /// <param name="capabilities">The capabilities named.</param>
    /// <param name="unknown">The first word that names none, else null.</param>
    /// <returns>True when every word names a capability.</returns>
    public static bool TryParse(string? text, out IReadOnlyList<Capability> capabilities, out string? unknown)
    {
        var found = new List<Capability>();
        unknown = null;
        foreach (var word in (text ?? "").Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var index = IndexOf(word.Trim());
            if (index < 0)
            {
                unknown ??= word.Trim();
                continue;
            }

            found.Add((Capability)index);
        }

        capabilities = found.Distinct().ToList();
        return unknown is null;
    }

    private static int IndexOf(string word)
    {
        for (var index = 0; index < All.Count; index++)
        {
            if (string.Equals(All[index], word, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return -1;
    }
}
