using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace CodeLlama.Refactor.Editing;

/// <summary>Renders the change between two texts as a unified diff (<c>diff -u</c> / <c>git diff</c> shape).</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The unified diff of <paramref name="before"/> and <paramref name="after"/>, or "" when they are equal.</summary>
    /// <param name="relativePath">The path shown in the headers.</param>
    /// <param name="before">The old text.</param>
    /// <param name="after">The new text.</param>
    /// <returns>The diff, with <c>a/</c> and <c>b/</c> headers.</returns>
    public static string Create(string relativePath, string before, string after)
    {
        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        var operations = Diff(oldLines, newLines);
        if (operations.All(operation => operation.Kind == ' '))
        {
            return "";
        }

        var output = new StringBuilder($"--- a/{relativePath}\n+++ b/{relativePath}\n");
        foreach (var hunk in Hunks(operations))
        {
            output.Append(hunk);
        }

        return output.ToString();
    }

    // DiffPlex's Myers diff (memory linear in the size of the texts); within a changed block, the removed lines come
    // before the lines that replace them, as git prints them.
    private static List<(char Kind, string Line, int OldIndex, int NewIndex)> Diff(string[] oldLines, string[] newLines)
    {
        // An empty side is one empty piece to DiffPlex, and not a line of the file.
        if (oldLines.Length == 0 || newLines.Length == 0)
        {
            return [.. oldLines.Select((line, index) => ('-', line, index, 0)), .. newLines.Select((line, index) => ('+', line, 0, index))];
        }

        var blocks = Differ.Instance.CreateDiffs(
            string.Join('\n', oldLines), string.Join('\n', newLines), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var operations = new List<(char, string, int, int)>(oldLines.Length + newLines.Length);
        int a = 0, b = 0;
        foreach (var block in blocks.DiffBlocks)
        {
            while (a < block.DeleteStartA)
            {
                operations.Add((' ', oldLines[a], a++, b++));
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                operations.Add(('-', oldLines[a], a++, b));
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                operations.Add(('+', newLines[b], a, b++));
            }
        }

        while (a < oldLines.Length)
        {
            operations.Add((' ', oldLines[a], a++, b++));
        }

        return operations;
    }

    private static IEnumerable<string> Hunks(List<(char Kind, string Line, int OldIndex, int NewIndex)> operations)
    {
        var changed = operations.Select((operation, index) => (operation, index)).Where(entry => entry.operation.Kind != ' ')
            .Select(entry => entry.index).ToList();
        var start = 0;
        while (start < changed.Count)
        {
            var end = start;
            while (end + 1 < changed.Count && changed[end + 1] - changed[end] <= 2 * Context)
            {
                end++;
            }

            var first = Math.Max(0, changed[start] - Context);
            var last = Math.Min(operations.Count - 1, changed[end] + Context);
            var slice = operations.GetRange(first, last - first + 1);
            var oldCount = slice.Count(operation => operation.Kind != '+');
            var newCount = slice.Count(operation => operation.Kind != '-');
            var hunk = new StringBuilder(
                $"@@ -{slice[0].OldIndex + (oldCount == 0 ? 0 : 1)},{oldCount} +{slice[0].NewIndex + (newCount == 0 ? 0 : 1)},{newCount} @@\n");
            foreach (var operation in slice)
            {
                hunk.Append(operation.Kind).Append(operation.Line).Append('\n');
            }

            yield return hunk.ToString();
            start = end + 1;
        }
    }

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
