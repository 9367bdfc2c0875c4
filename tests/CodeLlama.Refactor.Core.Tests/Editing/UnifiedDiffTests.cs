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
}
