namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>What a scan found in one document: the capability uses, and the names that did not bind to anything.</summary>
/// <param name="Uses">The capability uses, in source order.</param>
/// <param name="Unbound">Names the code writes that bind to nothing yet (a missing using, a typo), with their members.</param>
public sealed record CapabilityScan(IReadOnlyList<CapabilityUse> Uses, IReadOnlyList<UnboundName> Unbound)
{
    /// <summary>A scan of nothing, for a document that did not exist before.</summary>
    public static CapabilityScan Empty { get; } = new([], []);
}

/// <summary>A name in the code that binds to no symbol.</summary>
/// <param name="Member">The member it is in.</param>
/// <param name="Name">The identifier as written.</param>
public sealed record UnboundName(string Member, string Name)
{
    /// <summary>
    /// True when <paramref name="use"/> could be this name once bound: same member, and the same identifier or one a
    /// spelling fix would turn into it. Adding <c>using System.Diagnostics;</c> to <c>Process.Start(…)</c>, or
    /// correcting <c>File.Delet</c>, does not add what the code already meant to call.
    /// </summary>
    /// <param name="use">A use after the edit.</param>
    /// <returns>Whether the use was already written.</returns>
    public bool Covers(CapabilityUse use)
    {
        if (use.Member != Member)
        {
            return false;
        }

        var name = use.Symbol.Substring(use.Symbol.LastIndexOf('.') + 1);
        return Distance(name.ToUpperInvariant(), Name.ToUpperInvariant()) <= (name.Length <= 5 ? 1 : 2);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
