using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Makes a model's completion safe to put inside a documentation element: it stops at the first tag (the model
/// tends to go on and close the element itself), drops control characters and the <c>///</c> of continued lines
/// (escaping is left to the XML writer), folds whitespace onto one line and caps the length at a word boundary.
/// </summary>
public static class DocTextCleaner
{
    /// <summary>The longest text kept for one element.</summary>
    public const int MaxLength = 300;

    /// <summary>Cleans <paramref name="completion"/>.</summary>
    /// <param name="completion">What the model wrote.</param>
    /// <returns>The cleaned text, or null when nothing usable is left (the template is used instead).</returns>
    public static string? Clean(string completion)
    {
        var text = completion;
        var tag = text.IndexOf('<');
        if (tag >= 0)
        {
            text = text[..tag];
        }

        text = CommentExterior.Replace(text, " ");
        text = new string(text.Where(character => !char.IsControl(character) || char.IsWhiteSpace(character)).ToArray());
        text = Whitespace.Replace(text, " ").Trim();
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength);
            text = text[..(cut > 0 ? cut : MaxLength)].TrimEnd(',', ';', ':') + "…";
        }

        return text.Any(char.IsLetter) ? text : null;
    }

    // Plain Regexes rather than generated ones: this file is also compiled into the netstandard2.0 code fixes.
    private static readonly Regex CommentExterior = new(@"\s*///\s?", RegexOptions.CultureInvariant);

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);
}
