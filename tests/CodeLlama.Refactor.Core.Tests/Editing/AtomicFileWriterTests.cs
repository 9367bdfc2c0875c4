using System.Text;
using CodeLlama.Refactor.Editing;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Editing;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("atomic-writer-").FullName;

    [Fact]
    public void BomAndLineEndings_AreKept()
    {
        var file = Write("Bom.cs", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("class A\r\n{\r\n}\r\n")]);

        AtomicFileWriter.WriteAll([Edit(file, "class A\r\n{\r\n}\r\n", "/// <summary>A.</summary>\r\nclass A\r\n{\r\n}\r\n")]);

        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("/// <summary>A.</summary>\r\nclass A\r\n{\r\n}\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void FileChangedSinceLoading_IsAConflictAndKeepsTheUsersText()
    {
        var file = Write("Changed.cs", Encoding.UTF8.GetBytes("class B { }\n"));

        var result = AtomicFileWriter.WriteAll([Edit(file, "class A { }\n", "class C { }\n")]);

        Assert.Equal([file], result.Conflicts);
        Assert.Empty(result.Written);
        Assert.Equal("class B { }\n", File.ReadAllText(file));
    }

    [Fact]
    public void FailedWrite_RestoresTheFilesAlreadyWritten()
    {
        var first = Write("First.cs", Encoding.UTF8.GetBytes("class A { }\n"));
        var vanished = Path.Combine(folder, "deleted-meanwhile", "Second.cs");

        Assert.Throws<IOException>(() => AtomicFileWriter.WriteAll(
        [
            Edit(first, "class A { }\n", "class A2 { }\n"),
            Edit(vanished, "class B { }\n", "class B2 { }\n"),
        ]));

        Assert.Equal("class A { }\n", File.ReadAllText(first));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void UnifiedDiff_ShowsInsertedLinesWithContext()
    {
        var diff = UnifiedDiff.Create("src/A.cs", "a\nb\nc\n", "a\nx\nb\nc\n");

        Assert.Equal("--- a/src/A.cs\n+++ b/src/A.cs\n@@ -1,3 +1,4 @@\n a\n+x\n b\n c\n", diff);
        Assert.Equal("", UnifiedDiff.Create("src/A.cs", "same\n", "same\n"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static FileEdit Edit(string path, string original, string updated) =>
        new(path, SourceText.From(original), SourceText.From(updated));
}
