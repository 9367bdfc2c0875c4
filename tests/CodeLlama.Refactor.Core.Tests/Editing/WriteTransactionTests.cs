using System.Text;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Editing;

public sealed class WriteTransactionTests : IDisposable
{
    private readonly EditFolder folder = new();

    [Fact]
    public async Task SeveralFiles_AreAllWritten_AndNoTemporaryFileIsLeft()
    {
        var files = Enumerable.Range(0, 5).Select(index => folder.Write($"F{index}.cs", $"class C{index} {{ }}\n")).ToList();

        var written = await VerifiedEdits.WriteAsync(folder.Path, files.Select(file => EditFolder.Edit(file, text => "// new\n" + text)).ToList(), dryRun: false);

        Assert.All(written.Files, outcome => Assert.Equal(FileStatus.Written, outcome.Status));
        Assert.All(files, file => Assert.StartsWith("// new\n", File.ReadAllText(file), StringComparison.Ordinal));
        Assert.Empty(folder.Temporaries());
    }

    [Fact]
    public async Task OneFileChangedOnDisk_IsAConflict_AndNoFileIsWritten()
    {
        var first = folder.Write("A.cs", "class A { }\n");
        var second = folder.Write("B.cs", "class B { }\n");
        var edits = new[] { EditFolder.Edit(first, text => "// a\n" + text), EditFolder.Edit(second, text => "// b\n" + text) };
        File.WriteAllText(second, "class B { } // the user's edit\n");

        var written = await VerifiedEdits.WriteAsync(folder.Path, edits, dryRun: false);

        Assert.Equal([FileStatus.Withheld, FileStatus.Conflict], written.Files.Select(outcome => outcome.Status));
        Assert.Equal("class A { }\n", File.ReadAllText(first));
        Assert.Equal("class B { } // the user's edit\n", File.ReadAllText(second));
        Assert.Equal("B.cs cannot be written, and a run writes all its files or none", written.Files[0].Reason);
    }

    [PrivilegedFact(Privilege.ImmutableFiles)]
    public async Task ImmutableFileAmongSeveral_ChangesNothing_AndNamesTheFileAndTheReason()
    {
        var files = Enumerable.Range(0, 4).Select(index => folder.Write($"F{index}.cs", $"class C{index} {{ }}\n")).ToList();
        var newFile = Path.Combine(folder.Path, "Added", "New.cs");
        var edits = files.Select(file => EditFolder.Edit(file, text => "// new\n" + text)).Prepend(FileEdit.NewFile(newFile, SourceText.From("class N { }\n"))).ToList();

        // Last of the edited files, so that the new file and the ones before it were already written and must be undone.
        IReadOnlyList<FileOutcome> outcomes;
        using (Privileges.MakeImmutable(files[3]))
        {
            outcomes = (await VerifiedEdits.WriteAsync(folder.Path, edits, dryRun: false)).Files;
        }

        Assert.All(files.Select((file, index) => (file, index)), entry => Assert.Equal($"class C{entry.index} {{ }}\n", File.ReadAllText(entry.file)));
        Assert.False(Directory.Exists(Path.GetDirectoryName(newFile)));
        var failed = Assert.Single(outcomes, outcome => outcome.Status == FileStatus.Failed);
        Assert.Equal("F3.cs", failed.RelativePath);
        Assert.Equal("Operation not permitted; no file was changed", failed.Reason);
        Assert.All(outcomes.Where(outcome => outcome != failed), outcome => Assert.Equal(FileStatus.Withheld, outcome.Status));
        Assert.Empty(folder.Temporaries());
    }

    [PrivilegedFact(Privilege.TmpfsMount)]
    public async Task FullDisk_ChangesNothing_AndSaysSo()
    {
        var disk = Path.Combine(folder.Path, "disk");
        using (Privileges.MountTmpfs(disk, "64k"))
        {
            var small = Path.Combine(disk, "Small.cs");
            var large = Path.Combine(disk, "Large.cs");
            File.WriteAllText(small, "class S { }\n");
            File.WriteAllText(large, "class L { }\n");
            var edits = new[]
            {
                EditFolder.Edit(small, text => "// s\n" + text),
                EditFolder.Edit(large, text => string.Concat(Enumerable.Repeat("/// <summary>Too long for the disk.</summary>\n", 4000)) + text),
            };

            var outcomes = (await VerifiedEdits.WriteAsync(disk, edits, dryRun: false)).Files;

            Assert.Equal("class S { }\n", File.ReadAllText(small));
            Assert.Equal("class L { }\n", File.ReadAllText(large));
            Assert.Equal([FileStatus.Withheld, FileStatus.Failed], outcomes.Select(outcome => outcome.Status));
            Assert.Equal("No space left on device; no file was changed", outcomes[1].Reason);
            Assert.Equal(["Large.cs", "Small.cs"], Directory.EnumerateFiles(disk).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task NewFile_IsWrittenCompletely_InANewFolder()
    {
        var path = Path.Combine(folder.Path, "Generated", "Models", "Widget.cs");
        var text = "namespace App.Models;\n\npublic sealed class Widget\n{\n}\n";

        var written = await VerifiedEdits.WriteAsync(folder.Path, [FileEdit.NewFile(path, SourceText.From(text))], dryRun: false);

        Assert.Equal(FileStatus.Written, written.Files.Single().Status);
        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(path));
    }

    [Fact]
    public async Task NewFileThatAlreadyExists_IsAConflict_AndKeepsTheUsersFile()
    {
        var existing = folder.Write("Widget.cs", "// the user's own Widget\n");
        var other = folder.Write("A.cs", "class A { }\n");

        var written = await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(other, text => "// a\n" + text), FileEdit.NewFile(existing, SourceText.From("class Widget { }\n"))], dryRun: false);

        Assert.Equal([FileStatus.Withheld, FileStatus.Conflict], written.Files.Select(outcome => outcome.Status));
        Assert.Equal("// the user's own Widget\n", File.ReadAllText(existing));
        Assert.Equal("class A { }\n", File.ReadAllText(other));
    }

    [Fact]
    public async Task CancelledBeforeWriting_ChangesNothing()
    {
        var file = folder.Write("A.cs", "class A { }\n");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => VerifiedEdits.WriteAsync(folder.Path, [EditFolder.Edit(file, text => "// a\n" + text)], dryRun: false, cancellation.Token));

        Assert.Equal("class A { }\n", File.ReadAllText(file));
        Assert.Empty(folder.Temporaries());
    }

    public void Dispose() => folder.Dispose();
}
