using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Reports;

/// <summary>
/// Splits the verified edit of a file among the members it documents, so that each SARIF result's fix holds only the
/// comment written for that result's member and not the rest of the file's edits.
/// </summary>
public static class MemberFixes
{
    /// <summary>Gives each replacement of <paramref name="original"/> to the member whose comment it writes.</summary>
    /// <param name="original">The file's text as loaded.</param>
    /// <param name="replacements">The file's replacements, in order (as <see cref="FindingFix.Between"/> makes them).</param>
    /// <param name="memberLines">The 1-based declaration lines of the documented members, in the text as loaded.</param>
    /// <returns>Per member line, the replacements that belong to it; every replacement goes to exactly one line.</returns>
    public static IReadOnlyDictionary<int, IReadOnlyList<TextReplacement>> ByMember(
        SourceText original, IReadOnlyList<TextReplacement> replacements, IReadOnlyCollection<int> memberLines)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(replacements);
        ArgumentNullException.ThrowIfNull(memberLines);
        var lines = memberLines.Distinct().Order().ToList();
        var byLine = new Dictionary<int, List<TextReplacement>>();
        if (lines.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<TextReplacement>>();
        }

        foreach (var replacement in replacements)
        {
            // A comment is written above its declaration (and its attributes): the replacement belongs to the first
            // member that starts at or after the line just past the replaced text; one past the last member goes to that one.
            var nextLine = original.Lines.GetLinePosition(Math.Min(original.Length, replacement.CharOffset + replacement.CharLength)).Line + 1;
            var owner = lines.Find(line => line >= nextLine) is var found and > 0 ? found : lines[^1];
            if (!byLine.TryGetValue(owner, out var list))
            {
                byLine[owner] = list = [];
            }

            list.Add(replacement);
        }

        return byLine.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TextReplacement>)pair.Value);
    }
}
