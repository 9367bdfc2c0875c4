using System.Diagnostics;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class GitChangesTests
{
    [Fact]
    public async Task ChangedSince_ListsCommittedStagedUnstagedAndUntrackedFiles_NotTheUnchangedOnes()
    {
        var root = Directory.CreateTempSubdirectory("git-changes-").FullName;
        try
        {
            foreach (var name in new[] { "Unchanged.cs", "Committed.cs", "Staged.cs", "Unstaged.cs" })
            {
                File.WriteAllText(Path.Combine(root, name), "// v1\n");
            }

            File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\n");
            await GitAsync(root, "init", "-q", ".");
            await GitAsync(root, "add", "-A");
            await GitAsync(root, "commit", "-q", "-m", "base");
            await GitAsync(root, "tag", "base");
            File.AppendAllText(Path.Combine(root, "Committed.cs"), "// v2\n");
            await GitAsync(root, "commit", "-q", "-am", "change");
            File.AppendAllText(Path.Combine(root, "Staged.cs"), "// v2\n");
            await GitAsync(root, "add", "Staged.cs");
            File.AppendAllText(Path.Combine(root, "Unstaged.cs"), "// v2\n");
            File.WriteAllText(Path.Combine(root, "Untracked.cs"), "// new\n");
            Directory.CreateDirectory(Path.Combine(root, "bin"));
            File.WriteAllText(Path.Combine(root, "bin", "Ignored.cs"), "// ignored\n");

            var changed = await GitChanges.ChangedSinceAsync(root, "base");

            Assert.Equal(["Committed.cs", "Staged.cs", "Unstaged.cs", "Untracked.cs"], changed.Select(Path.GetFileName));
            await Assert.ThrowsAsync<InputException>(() => GitChanges.ChangedSinceAsync(root, "no-such-ref"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.email=test@example.com", "-c", "user.name=test" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
    }
}
