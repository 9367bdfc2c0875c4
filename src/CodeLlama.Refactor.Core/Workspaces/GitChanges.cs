using System.Diagnostics;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>What git says about a working tree: its top folder, and the files changed since a ref.</summary>
public static class GitChanges
{
    /// <summary>The top folder of the git working tree that holds <paramref name="directory"/>, or null outside one.</summary>
    /// <param name="directory">A folder.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>The absolute top folder, or null when git is missing or the folder is not in a working tree.</returns>
    public static async Task<string?> TopLevelAsync(string directory, CancellationToken cancellationToken = default)
    {
        try
        {
            var (exitCode, output, _) = await GitAsync(directory, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
            return exitCode == 0 && output.Trim() is { Length: > 0 } top ? Path.GetFullPath(top) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// The files changed since <paramref name="gitRef"/>: what differs between that commit and the working tree
    /// (committed since, staged or not), and the untracked files git does not ignore. Deleted files are left out.
    /// </summary>
    /// <param name="directory">A folder inside the working tree.</param>
    /// <param name="gitRef">A commit, branch or tag, e.g. <c>origin/main</c>.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>Absolute paths of the changed files that exist.</returns>
    /// <exception cref="InputException">The folder is not in a git working tree, git is missing, or the ref is unknown.</exception>
    public static async Task<IReadOnlyList<string>> ChangedSinceAsync(string directory, string gitRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitRef);
        var top = await TopLevelAsync(directory, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"--changed-since needs a git working tree (and git on PATH); {directory} is not in one.");
        // "--" keeps a ref that looks like an option from being read as one; --no-renames lists a renamed file by its new name.
        var diff = await GitAsync(top, ["diff", "--name-only", "--no-renames", "-z", gitRef, "--"], cancellationToken).ConfigureAwait(false);
        if (diff.ExitCode != 0)
        {
            throw new InputException($"--changed-since {gitRef}: git diff failed: {FirstLine(diff.Error)}");
        }

        var untracked = await GitAsync(top, ["ls-files", "--others", "--exclude-standard", "-z"], cancellationToken).ConfigureAwait(false);
        return diff.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Concat(untracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            .Select(path => Path.GetFullPath(Path.Combine(top, path)))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";

    private static async Task<(int ExitCode, string Output, string Error)> GitAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InputException("Could not start git.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
