using System.Diagnostics;

namespace CodeLlama.Refactor.Testing;

/// <summary>Runs the real <c>git</c>, for tests that build a repository's history as a pull request has it.</summary>
public static class Git
{
    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="directory"/>, as a fixed test author.</summary>
    /// <returns>What git wrote to stdout.</returns>
    /// <exception cref="InvalidOperationException">git exited with an error.</exception>
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "init.defaultBranch=main" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {await error}");
    }

    /// <summary>Makes <paramref name="directory"/> a repository whose first commit holds everything in it.</summary>
    public static async Task InitAsync(string directory)
    {
        File.WriteAllText(Path.Combine(directory, ".gitignore"), "bin/\nobj/\n");
        await RunAsync(directory, "init", "-q", ".");
        await CommitAllAsync(directory, "base");
    }

    /// <summary>Commits every change in <paramref name="directory"/>.</summary>
    public static async Task CommitAllAsync(string directory, string message)
    {
        await RunAsync(directory, "add", "-A");
        await RunAsync(directory, "commit", "-q", "-m", message);
    }
}
