using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>
/// What a repair prompt shows the model of the problem, so it need not guess: just above the gap, as C# comments
/// indented like the code, the compiler's diagnostic (id and message) and the code that was there, which the gap
/// replaces. The comments are in the prompt only; the candidate replaces the span and nothing else.
/// </summary>
public static class RepairPrompt
{
    /// <summary>The text before the gap, with the comment block inserted at the start of the gap's line.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="span">The span the model rewrites.</param>
    /// <param name="diagnostic">The error being repaired.</param>
    /// <returns>The prefix.</returns>
    public static string Prefix(SourceText text, TextSpan span, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var line = text.Lines.GetLineFromPosition(span.Start);
        var lineText = line.ToString();
        var indent = lineText[..(lineText.Length - lineText.TrimStart().Length)];
        return text.ToString(TextSpan.FromBounds(0, line.Start))
            + Comments(indent, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture), text.ToString(span))
            + text.ToString(TextSpan.FromBounds(line.Start, span.Start));
    }

    /// <summary>The comment block: the diagnostic, then the broken code, each line starting with <paramref name="indent"/>.</summary>
    /// <param name="indent">The gap line's indentation.</param>
    /// <param name="id">The diagnostic's id, e.g. CS0019.</param>
    /// <param name="message">The diagnostic's message.</param>
    /// <param name="broken">The code the gap replaces.</param>
    /// <returns>Comment lines, each ending with a line break.</returns>
    public static string Comments(string indent, string id, string message, string broken)
    {
        ArgumentNullException.ThrowIfNull(indent);
        ArgumentNullException.ThrowIfNull(broken);
        var lines = new List<string> { $"// error {id}: {OneLine(message)}", "// The code below was:" };
        var brokenLines = broken.ReplaceLineEndings("\n").Split('\n');
        lines.AddRange(brokenLines.Select((code, index) => "//     " + (index == 0 ? code : Dedent(code, indent)).TrimEnd()));
        return string.Concat(lines.Select(comment => indent + comment + "\n"));
    }

    private static string OneLine(string message) => string.Join(' ', message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries));

    // Later lines of a multi-line statement carry the file's indentation; shown under the first line, they keep only what
    // they have beyond it.
    private static string Dedent(string line, string indent) =>
        line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart();
}
