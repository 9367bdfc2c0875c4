using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void InsertedLine_IsShownWithContext()
    {
        var diff = UnifiedDiff.Create("src/A.cs", "a\nb\nc\n", "a\nx\nb\nc\n");

        Assert.Equal("--- a/src/A.cs\n+++ b/src/A.cs\n@@ -1,3 +1,4 @@\n a\n+x\n b\n c\n", diff);
        Assert.Equal("", UnifiedDiff.Create("src/A.cs", "same\n", "same\n"));
    }

    [Fact]
    public void ReplacedLine_ShowsTheRemovedLineBeforeItsReplacement_AsGitDoes()
    {
        var diff = UnifiedDiff.Create("src/A.cs", "a\nold\nc\n", "a\nnew\nc\n");

        Assert.Equal("--- a/src/A.cs\n+++ b/src/A.cs\n@@ -1,3 +1,3 @@\n a\n-old\n+new\n c\n", diff);
    }

    [Fact]
    public void LargeFile_IsDiffedInMemoryLinearInItsSize()
    {
        var before = string.Concat(Enumerable.Range(0, 12_000).Select(line => $"line {line}\n"));
        var after = string.Concat(Enumerable.Range(0, 12_000).Select(line => line % 2 == 0 ? $"line {line}\n" : $"changed {line}\n"));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var diff = UnifiedDiff.Create("src/Big.cs", before, after);

        // The quadratic table alone took 12,000 x 12,000 ints (576 MB); the diff itself is a few MB.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 200_000_000);
        Assert.Equal(6_000, diff.Split('\n').Count(line => line.StartsWith("-changed", StringComparison.Ordinal) || line.StartsWith("-line", StringComparison.Ordinal)));
        Assert.Contains("-line 1\n+changed 1\n", diff, StringComparison.Ordinal);
    }
}
