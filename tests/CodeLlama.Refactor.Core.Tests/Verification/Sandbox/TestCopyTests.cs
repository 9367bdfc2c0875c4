using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class TestCopyTests : IDisposable
{
    private readonly DirectoryInfo source = Directory.CreateTempSubdirectory("codellama-refactor-source-");

    public void Dispose() => source.Delete(recursive: true);

    [Fact]
    public void BuildOutputsAndRepositoryFolders_AreLeftOut_SourcesKept()
    {
        Write("Lib/Lib.csproj", "<Project />");
        Write("Lib/Code.cs", "class C {}");
        Write(".git/config", "[core]");
        Write("Lib/bin/Debug/Lib.dll", "binary");
        Write("Lib/obj/project.assets.json", "{}");
        Write("node_modules/x/index.js", "");

        using var copy = TestCopy.Create(source.FullName, []);

        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/Code.cs")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/Lib.csproj")));
        Assert.False(Directory.Exists(Path.Combine(copy.Root, ".git")));
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "Lib/bin")));
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "Lib/obj")));
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "node_modules")));
    }

    [Fact]
    public void LargeDataFiles_AreLeftOut_LargeBuildFilesKept()
    {
        WriteBytes("data/corpus.bin", CopyRules.LargeFileBytes + 1);
        WriteBytes("data/small.bin", 1024);
        WriteBytes("Lib/Large.json", CopyRules.LargeFileBytes + 1);

        using var copy = TestCopy.Create(source.FullName, []);

        Assert.False(File.Exists(Path.Combine(copy.Root, "data/corpus.bin")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "data/small.bin")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/Large.json")));
    }

    [Fact]
    public void PathsInTheIgnoreFile_AreLeftOut()
    {
        Write(CopyRules.IgnoreFileName, "# fixtures the tests do not read\nsamples/videos/\nnotes.txt\n");
        Write("samples/videos/a.txt", "a");
        Write("samples/keep.txt", "k");
        Write("notes.txt", "n");

        using var copy = TestCopy.Create(source.FullName, []);

        Assert.False(Directory.Exists(Path.Combine(copy.Root, "samples/videos")));
        Assert.False(File.Exists(Path.Combine(copy.Root, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "samples/keep.txt")));
    }

    [Fact]
    public void ChangedFiles_AreWrittenOverTheCopy_NotTheSource()
    {
        Write("Lib/Code.cs", "class C {}");

        using var copy = TestCopy.Create(source.FullName, [(Path.Combine(source.FullName, "Lib/Code.cs"), "class D {}")]);

        Assert.Equal("class D {}", File.ReadAllText(Path.Combine(copy.Root, "Lib/Code.cs")));
        Assert.Equal("class C {}", File.ReadAllText(Path.Combine(source.FullName, "Lib/Code.cs")));
    }

    [Fact]
    public void WarmProjects_KeepTheirBuildOutputs_OthersLeaveThemOut()
    {
        Write("Lib/Lib.csproj", "<Project />");
        Write("Lib/bin/Debug/net10.0/Lib.dll", "binary");
        WriteBytes("Lib/bin/Debug/net10.0/native.so", CopyRules.LargeFileBytes + 1);
        Write("Lib/obj/Debug/net10.0/Lib.dll", "binary");
        Write("Tool/Tool.csproj", "<Project />");
        Write("Tool/bin/Debug/Tool.dll", "binary");

        using var copy = TestCopy.Create(source.FullName, [], warmProjectFolders: [Path.Combine(source.FullName, "Lib")]);

        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/bin/Debug/net10.0/Lib.dll")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/bin/Debug/net10.0/native.so")));
        Assert.True(File.Exists(Path.Combine(copy.Root, "Lib/obj/Debug/net10.0/Lib.dll")));
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "Tool/bin")));
    }

    [Fact]
    public void CopiedFiles_KeepTheirLastWriteTimes()
    {
        Write("Lib/Code.cs", "class C {}");
        Write("Lib/obj/Debug/Lib.dll", "binary");
        var written = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(source.FullName, "Lib/Code.cs"), written);
        File.SetLastWriteTimeUtc(Path.Combine(source.FullName, "Lib/obj/Debug/Lib.dll"), written.AddMinutes(1));

        using var copy = TestCopy.Create(source.FullName, [], warmProjectFolders: [Path.Combine(source.FullName, "Lib")]);

        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(copy.Root, "Lib/Code.cs")));
        Assert.Equal(written.AddMinutes(1), File.GetLastWriteTimeUtc(Path.Combine(copy.Root, "Lib/obj/Debug/Lib.dll")));
    }

    [Fact]
    public void RestoreFiles_NameTheCopysFolder_AndKeepTheirTimes()
    {
        var root = source.FullName;
        Write("Lib/obj/project.assets.json", $$"""{ "projectPath": "{{root}}/Lib/Lib.csproj", "sibling": "{{root}}-other/x", "packages": "/root/.nuget/packages/" }""");
        Write("Lib/obj/Debug/Lib.GeneratedMSBuildEditorConfig.editorconfig", $"build_property.ProjectDir = {root}/Lib/\n");
        Write("Lib/obj/Debug/Lib.dll", $"binary {root}/Lib");
        var written = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(root, "Lib/obj/project.assets.json"), written);

        using var copy = TestCopy.Create(root, [], warmProjectFolders: [Path.Combine(root, "Lib")]);

        var assets = Path.Combine(copy.Root, "Lib/obj/project.assets.json");
        Assert.Equal(
            $$"""{ "projectPath": "{{copy.Root}}/Lib/Lib.csproj", "sibling": "{{root}}-other/x", "packages": "/root/.nuget/packages/" }""",
            File.ReadAllText(assets));
        Assert.Equal(written, File.GetLastWriteTimeUtc(assets));
        Assert.Contains($"{copy.Root}/Lib/", File.ReadAllText(Path.Combine(copy.Root, "Lib/obj/Debug/Lib.GeneratedMSBuildEditorConfig.editorconfig")), StringComparison.Ordinal);
        Assert.Equal($"binary {root}/Lib", File.ReadAllText(Path.Combine(copy.Root, "Lib/obj/Debug/Lib.dll")));
    }

    [LinuxFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Copy_IsPrivateToItsOwner_OutsideTheSource_AndGoneAfterDispose()
    {
        Write("Lib/Code.cs", "class C {}");

        string root;
        using (var copy = TestCopy.Create(source.FullName, []))
        {
            root = copy.Root;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
            Assert.Equal(PrivateFolder.Root, Path.GetDirectoryName(root));
            Assert.StartsWith($"run-{Environment.ProcessId}-", Path.GetFileName(root), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void CancelledCopy_LeavesNothing()
    {
        Write("Lib/Code.cs", "class C {}");
        var before = Copies();

        Assert.ThrowsAny<OperationCanceledException>(() => TestCopy.Create(source.FullName, [], new CancellationToken(canceled: true)));

        Assert.Empty(Copies().Except(before));
    }

    private static IReadOnlyList<string> Copies() =>
        Directory.EnumerateDirectories(PrivateFolder.Root, "run-*").ToList();

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(source.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void WriteBytes(string relativePath, long length)
    {
        var path = Path.Combine(source.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        stream.SetLength(length);
    }
}
