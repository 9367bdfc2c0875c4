using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class GitChangesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("git-changes-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task ChangedSince_ListsCommittedStagedUnstagedAndUntrackedFiles_NotTheUnchangedOnes()
    {
        foreach (var name in new[] { "Unchanged.cs", "Committed.cs", "Staged.cs", "Unstaged.cs" })
        {
            File.WriteAllText(Path.Combine(root, name), "// v1\n");
        }

        await Git.InitAsync(root);
        await Git.RunAsync(root, "tag", "base");
        File.AppendAllText(Path.Combine(root, "Committed.cs"), "// v2\n");
        await Git.RunAsync(root, "commit", "-q", "-am", "change");
        File.AppendAllText(Path.Combine(root, "Staged.cs"), "// v2\n");
        await Git.RunAsync(root, "add", "Staged.cs");
        File.AppendAllText(Path.Combine(root, "Unstaged.cs"), "// v2\n");
        File.WriteAllText(Path.Combine(root, "Untracked.cs"), "// new\n");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "bin", "Ignored.cs"), "// ignored\n");

        var changed = await GitChanges.ChangedSinceAsync(root, "base");

        Assert.Equal(["Committed.cs", "Staged.cs", "Unstaged.cs", "Untracked.cs"], changed.Select(Path.GetFileName));
        await Assert.ThrowsAsync<InputException>(() => GitChanges.ChangedSinceAsync(root, "no-such-ref"));
    }

    [Fact]
    public async Task ChangedSince_OnABranchBehindMain_TakesOnlyWhatTheBranchChanged_FromTheMergeBase()
    {
        File.WriteAllText(Path.Combine(root, "Shared.cs"), "// v1\n");
        await Git.InitAsync(root);
        await Git.RunAsync(root, "checkout", "-q", "-b", "feature");
        File.WriteAllText(Path.Combine(root, "Feature.cs"), "// the branch's own file\n");
        await Git.CommitAllAsync(root, "feature");
        await Git.RunAsync(root, "checkout", "-q", "main");
        File.WriteAllText(Path.Combine(root, "MainOnly.cs"), "// main moved on\n");
        File.AppendAllText(Path.Combine(root, "Shared.cs"), "// v2 on main\n");
        await Git.CommitAllAsync(root, "main moves on");
        await Git.RunAsync(root, "checkout", "-q", "feature");
        var mergeBase = (await Git.RunAsync(root, "merge-base", "main", "feature")).Trim();

        var change = await GitChanges.ChangeSinceAsync(root, "main");

        Assert.Equal(["Feature.cs"], change.Files.Select(Path.GetFileName));
        Assert.Equal(mergeBase, change.MergeBase);
        Assert.Equal("// v1\n", await GitChanges.TextAtAsync(change, change.MergeBase, Path.Combine(root, "Shared.cs")));
        Assert.Null(await GitChanges.TextAtAsync(change, change.MergeBase, Path.Combine(root, "Feature.cs")));
    }

    [Fact]
    public async Task ChangedSince_ARefWithoutCommonHistory_IsRefusedAsInput()
    {
        File.WriteAllText(Path.Combine(root, "A.cs"), "// a\n");
        await Git.InitAsync(root);
        await Git.RunAsync(root, "checkout", "-q", "--orphan", "unrelated");
        await Git.CommitAllAsync(root, "another root");

        var refused = await Assert.ThrowsAsync<InputException>(() => GitChanges.ChangedSinceAsync(root, "main"));

        Assert.Contains("share no history", refused.Message, StringComparison.Ordinal);
    }
}
