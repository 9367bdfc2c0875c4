using System.Diagnostics;
using CodeLlama.Refactor.Core.Tests.Verification.Sandbox;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Core.Tests.PrivateFiles;

/// <summary>A run killed with SIGKILL cannot clean up: the next run removes its folders, and what still works in them.</summary>
public sealed class RunFoldersTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("run-folders-tests-").FullName;

    [LinuxFact]
    public async Task FolderOfAKilledRun_IsRemoved_WithTheProcessStillWorkingInIt_WhileLiveRunsKeepTheirs()
    {
        using var run = Process.Start("sleep", ["600"]);
        var killedCopy = Directory.CreateDirectory(Path.Combine(root, $"run-{run.Id}-{RunFolders.StartTime(run.Id)}-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(killedCopy, "Order.cs"), "class Order { }");
        // What the killed run had started in its copy (a build server, say), still running: it names the copy.
        using var survivor = Process.Start("/bin/sh", ["-c", "sleep 600", killedCopy]);
        var ours = RunFolders.Create(root, "run");
        run.Kill();
        await run.WaitForExitAsync();

        var removed = RunFolders.RemoveDead(root);

        Assert.Equal([killedCopy], removed);
        Assert.False(Directory.Exists(killedCopy));
        Assert.True(survivor.WaitForExit(TimeSpan.FromSeconds(10)), "the process working in the dead run's copy was not killed");
        Assert.True(Directory.Exists(ours));
    }

    [LinuxFact]
    public void FolderOfAnEarlierProcessWithTheSamePid_IsRemoved()
    {
        // The pid is alive (this process), but it started at another time: the pid was reused, the owner is dead.
        var stale = Directory.CreateDirectory(Path.Combine(root, $"load-{Environment.ProcessId}-1-{Guid.NewGuid():N}")).FullName;
        var unrelated = Directory.CreateDirectory(Path.Combine(root, "transactions")).FullName;

        RunFolders.RemoveDead(root);

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(unrelated));
    }

    [Fact]
    public void Owner_IsReadOnlyFromARunFoldersName()
    {
        Assert.Equal((42, "1234"), RunFolders.Owner($"run-42-1234-{Guid.NewGuid():N}"));
        Assert.Null(RunFolders.Owner("transactions"));
        Assert.Null(RunFolders.Owner("run-42-1234-short"));
        Assert.Null(RunFolders.Owner($"run-x42-1234-{Guid.NewGuid():N}"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
