using System.Text;

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

    private static List<(char Kind, string Line, int OldIndex, int NewIndex)> Diff(string[] oldLines, string[] newLines)
    {
        var prefix = 0;
        while (prefix < oldLines.Length && prefix < newLines.Length && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Length - prefix && suffix < newLines.Length - prefix
            && oldLines[^(suffix + 1)] == newLines[^(suffix + 1)])
        {
            suffix++;
        }

        var oldMiddle = oldLines[prefix..^suffix];
        var newMiddle = newLines[prefix..^suffix];
        var lengths = new int[oldMiddle.Length + 1, newMiddle.Length + 1];
        for (var i = oldMiddle.Length - 1; i >= 0; i--)
        {
            for (var j = newMiddle.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = oldMiddle[i] == newMiddle[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var operations = new List<(char, string, int, int)>();
        for (var k = 0; k < prefix; k++)
        {
            operations.Add((' ', oldLines[k], k, k));
        }

        int a = 0, b = 0;
        while (a < oldMiddle.Length || b < newMiddle.Length)
        {
            if (a < oldMiddle.Length && b < newMiddle.Length && oldMiddle[a] == newMiddle[b])
            {
                operations.Add((' ', oldMiddle[a], prefix + a++, prefix + b++));
            }
            else if (b < newMiddle.Length && (a == oldMiddle.Length || lengths[a, b + 1] >= lengths[a + 1, b]))
            {
                operations.Add(('+', newMiddle[b], prefix + a, prefix + b++));
            }
            else
            {
                operations.Add(('-', oldMiddle[a], prefix + a++, prefix + b));
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            operations.Add((' ', oldLines[oldLines.Length - suffix + k], oldLines.Length - suffix + k, newLines.Length - suffix + k));
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
