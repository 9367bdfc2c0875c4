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

    /// <summary>
    /// The instruction for a chat model (Code Llama Instruct): the diagnostic, the code around the error with the broken
    /// code marked, and the broken code on its own, asking for its replacement alone in a code block.
    /// </summary>
    /// <param name="context">The code around the error, the broken code between <c>/*&lt;broken&gt;*/</c> and <c>/*&lt;/broken&gt;*/</c>.</param>
    /// <param name="id">The diagnostic's id.</param>
    /// <param name="message">The diagnostic's message.</param>
    /// <param name="broken">The code to replace.</param>
    /// <param name="header">Signatures from other files (<see cref="DeclarationHeader"/>), or an empty string.</param>
    /// <returns>The instruction.</returns>
    public static string Instruction(string context, string id, string message, string broken, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var declared = header.Length == 0 ? string.Empty : $"It uses these declarations from other files:\n```csharp\n{header}```\n\n";
        return $"This C# code does not compile: error {id}: {OneLine(message)}\n\n"
            + declared
            + $"The code, with the broken part between /*<broken>*/ and /*</broken>*/:\n```csharp\n{context}\n```\n\n"
            + $"Rewrite the broken part so that the code compiles and does what it meant to do:\n```csharp\n{broken}\n```\n\n"
            + "Answer with the rewritten part only, in one ```csharp code block.";
    }

    /// <summary>The code of a chat model's answer: its first code block, or the whole answer when it has none.</summary>
    /// <param name="answer">What the model wrote.</param>
    /// <returns>The code.</returns>
    public static string CodeOf(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var open = answer.IndexOf("```", StringComparison.Ordinal);
        if (open < 0)
        {
            return answer.Trim();
        }

        var start = answer.IndexOf('\n', open);
        if (start < 0)
        {
            return string.Empty;
        }

        var close = answer.IndexOf("```", start, StringComparison.Ordinal);
        return (close < 0 ? answer[(start + 1)..] : answer[(start + 1)..close]).Trim();
    }

    private static string OneLine(string message) => string.Join(' ', message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries));

    // Later lines of a multi-line statement carry the file's indentation; shown under the first line, they keep only what
    // they have beyond it.
    private static string Dedent(string line, string indent) =>
        line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart();
}
