using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Where one element's text goes: the file with the member's comment drafted around the element, split at the
/// element's content. <see cref="Before"/> ends inside the element (e.g. <c>/// &lt;summary&gt;</c>, a line break, the
/// indentation and <c>/// </c>); <see cref="After"/> starts at its closing tag and runs to the end of the member, since text
/// further on says little about this member and would be read again for every element. Computed only when asked for.
/// </summary>
public sealed class DocSlot
{
    private readonly Lazy<(string Before, string After)> texts;

    /// <summary>Creates a slot whose texts are computed on first use.</summary>
    /// <param name="root">The file's syntax root, before the draft.</param>
    /// <param name="anchor">Where the comment goes, in the file before the draft.</param>
    /// <param name="texts">Computes the text before and after the element's content.</param>
    public DocSlot(SyntaxNode root, int anchor, Func<(string Before, string After)> texts)
    {
        Root = root;
        Anchor = anchor;
        this.texts = new Lazy<(string, string)>(texts);
    }

    /// <summary>The file's syntax root, before the draft.</summary>
    public SyntaxNode Root { get; }

    /// <summary>Where the comment goes, in the file before the draft.</summary>
    public int Anchor { get; }

    /// <summary>The file up to the element's content.</summary>
    public string Before => texts.Value.Before;

    /// <summary>From the end of the element's content to the end of the member's last line.</summary>
    public string After => texts.Value.After;
}
