using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Reports;

/// <summary>One replacement in a file's text, by character offset in the text as loaded.</summary>
/// <param name="CharOffset">Where the replaced text starts.</param>
/// <param name="CharLength">How many characters are replaced (0 for an insertion).</param>
/// <param name="InsertedText">What takes their place.</param>
public sealed record TextReplacement(int CharOffset, int CharLength, string InsertedText);

/// <summary>The verified edit that would resolve a finding: what a dry run would have written.</summary>
/// <param name="Description">What the edit does, in one line.</param>
/// <param name="Replacements">The replacements in the finding's file, in order.</param>
public sealed record FindingFix(string Description, IReadOnlyList<TextReplacement> Replacements)
{
    /// <summary>The replacements that turn <paramref name="original"/> into <paramref name="updated"/>, line by line.</summary>
    /// <param name="original">The text as loaded.</param>
    /// <param name="updated">The text as it would be written.</param>
    /// <returns>One replacement per changed run of lines, whole lines with their line breaks.</returns>
    public static IReadOnlyList<TextReplacement> Between(SourceText original, SourceText updated)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        var diff = Differ.Instance.CreateDiffs(original.ToString(), updated.ToString(), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        if (diff.PiecesOld.Count != original.Lines.Count || diff.PiecesNew.Count != updated.Lines.Count)
        {
            // Line breaks DiffPlex does not split on (U+2028 and the like): one replacement of the whole text.
            return [new TextReplacement(0, original.Length, updated.ToString())];
        }

        return diff.DiffBlocks.Select(block =>
        {
            var start = block.DeleteStartA < original.Lines.Count ? original.Lines[block.DeleteStartA].Start : original.Length;
            var end = block.DeleteCountA == 0 ? start : original.Lines[block.DeleteStartA + block.DeleteCountA - 1].EndIncludingLineBreak;
            var inserted = string.Concat(Enumerable.Range(block.InsertStartB, block.InsertCountB)
                .Select(index => updated.ToString(updated.Lines[index].SpanIncludingLineBreak)));
            return new TextReplacement(start, end - start, inserted);
        }).ToList();
    }
}
