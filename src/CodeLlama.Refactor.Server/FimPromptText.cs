using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// Reads a FIM prompt that a client wrote as text in a family's markers (<c>/v1/completions</c>, <c>/completion</c>),
/// so that the prompt can be built again from the served model's own tokens: the repository context before the prefix
/// marker, the prefix, the suffix, and what the client put after the middle marker (text the user has typed). Every
/// family's markers come from its <see cref="FimFamilyDescriptor"/>; the prompts read are in PSM order.
/// </summary>
internal static class FimPromptText
{
    // Qwen and CodeGemma share their FIM markers: the formats that know file separators come first, so that Qwen's
    // repository context is read as such (text without separators reads the same either way).
    private static readonly FimTextFormat[] Formats =
        [.. FimFamilyDescriptor.All.Select(FimTextFormat.For).OrderBy(format => format.FileSeparator is null)];

    /// <summary>The question a FIM prompt written as text asks; a prompt in no known format is all prefix.</summary>
    /// <param name="prompt">The prompt text.</param>
    /// <returns>Its prefix, suffix, typed text and repository context.</returns>
    public static InfillRequest Read(string prompt) => Find(prompt) ?? new InfillRequest(prompt, string.Empty);

    /// <summary>The question a FIM prompt written as text asks; null when the text holds no known family's markers.</summary>
    /// <param name="prompt">The prompt text.</param>
    /// <returns>Its prefix, suffix, typed text and repository context, or null.</returns>
    public static InfillRequest? Find(string prompt)
    {
        foreach (var format in Formats)
        {
            var pre = prompt.IndexOf(format.Prefix.Trim(), StringComparison.Ordinal);
            var suf = pre < 0 ? -1 : prompt.IndexOf(format.Suffix.Trim(), pre, StringComparison.Ordinal);
            var mid = suf < 0 ? -1 : prompt.LastIndexOf(format.Middle.Trim(), StringComparison.Ordinal);
            if (mid > suf)
            {
                var prefix = prompt[(pre + format.Prefix.Trim().Length)..suf];
                var suffix = prompt[(suf + format.Suffix.Trim().Length)..mid];
                var typed = prompt[(mid + format.Middle.Trim().Length)..];
                // The markers' own spaces (Code Llama's "<PRE> ", " <SUF>" and " <MID>") belong to the format, not to the code.
                prefix = Unpad(Unpad(prefix, leading: true, format.Prefix.EndsWith(' ')), leading: false, format.Suffix.StartsWith(' '));
                suffix = Unpad(suffix, leading: false, format.Middle.StartsWith(' '));
                return new InfillRequest(prefix, suffix) { Typed = typed, Extra = format.ReadContext(prompt[..pre]) };
            }
        }

        return null;
    }

    private static string Unpad(string text, bool leading, bool padded) => !padded ? text
        : leading ? text.StartsWith(' ') ? text[1..] : text
        : text.EndsWith(' ') ? text[..^1] : text;
}
