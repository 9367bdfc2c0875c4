using System.Diagnostics;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>What git says about a working tree: its top folder, and the files changed since a ref's merge base.</summary>
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
    /// The files a change touches, as <c>git diff REF...</c> names them: what differs between the merge base of
    /// <paramref name="gitRef"/> and HEAD and the working tree (committed on this branch, staged or not), and the
    /// untracked files git does not ignore. Deleted files are left out. A branch behind <paramref name="gitRef"/> does
    /// not take in the commits it lacks: only what it changed itself.
    /// </summary>
    /// <param name="directory">A folder inside the working tree.</param>
    /// <param name="gitRef">A commit, branch or tag, e.g. <c>origin/main</c>.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>Absolute paths of the changed files that exist.</returns>
    /// <exception cref="InputException">
    /// The folder is not in a git working tree, git is missing, the ref is unknown, or it shares no history with HEAD.
    /// </exception>
    public static async Task<IReadOnlyList<string>> ChangedSinceAsync(string directory, string gitRef, CancellationToken cancellationToken = default) =>
        (await ChangeSinceAsync(directory, gitRef, cancellationToken).ConfigureAwait(false)).Files;

    /// <summary>The merge base of <paramref name="gitRef"/> and HEAD, and the files changed since it (see <see cref="ChangedSinceAsync"/>).</summary>
    /// <param name="directory">A folder inside the working tree.</param>
    /// <param name="gitRef">A commit, branch or tag, e.g. <c>origin/main</c>.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>The change.</returns>
    /// <exception cref="InputException">As for <see cref="ChangedSinceAsync"/>.</exception>
    public static async Task<GitChange> ChangeSinceAsync(string directory, string gitRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitRef);
        var top = await TopLevelAsync(directory, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException($"--changed-since needs a git working tree (and git on PATH); {directory} is not in one.");
        var mergeBase = await MergeBaseAsync(top, gitRef, cancellationToken).ConfigureAwait(false);
        // "--" keeps a ref that looks like an option from being read as one; --no-renames lists a renamed file by its new name.
        var diff = await GitAsync(top, ["diff", "--name-only", "--no-renames", "-z", mergeBase, "--"], cancellationToken).ConfigureAwait(false);
        if (diff.ExitCode != 0)
        {
            throw new InputException($"--changed-since {gitRef}: git diff failed: {FirstLine(diff.Error)}");
        }

        var untracked = await GitAsync(top, ["ls-files", "--others", "--exclude-standard", "-z"], cancellationToken).ConfigureAwait(false);
        var files = diff.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Concat(untracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            .Select(path => Path.GetFullPath(Path.Combine(top, path)))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new GitChange(top, mergeBase, files);
    }

    /// <summary>The text of <paramref name="file"/> at <paramref name="commit"/>, or null when the commit has no such file.</summary>
    /// <param name="change">The change whose working tree holds the file.</param>
    /// <param name="commit">A commit id.</param>
    /// <param name="file">An absolute path inside the working tree.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>The file's text as committed.</returns>
    public static async Task<string?> TextAtAsync(GitChange change, string commit, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var path = Path.GetRelativePath(change.TopLevel, file).Replace('\\', '/');
        var shown = await GitAsync(change.TopLevel, ["show", $"{commit}:{path}"], cancellationToken).ConfigureAwait(false);
        return shown.ExitCode == 0 ? shown.Output : null;
    }

    // The commit the branch left REF at, as "git diff REF..." takes it; a ref without common history (another root, or
    // a shallow clone that stops before it) is refused rather than diffed whole.
    private static async Task<string> MergeBaseAsync(string top, string gitRef, CancellationToken cancellationToken)
    {
        var verified = await GitAsync(top, ["rev-parse", "--verify", "--quiet", "--end-of-options", $"{gitRef}^{{commit}}"], cancellationToken).ConfigureAwait(false);
        if (verified.ExitCode != 0)
        {
            throw new InputException($"--changed-since {gitRef}: git knows no such commit (fetch it first, e.g. git fetch origin main).");
        }

        var mergeBase = await GitAsync(top, ["merge-base", verified.Output.Trim(), "HEAD"], cancellationToken).ConfigureAwait(false);
        return mergeBase.ExitCode == 0 && mergeBase.Output.Trim() is { Length: > 0 } commit
            ? commit
            : throw new InputException(
                $"--changed-since {gitRef}: {gitRef} and HEAD share no history (in a shallow clone, fetch the full history: fetch-depth: 0).");
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

/// <summary>A branch's change as <c>git diff REF...</c> sees it.</summary>
/// <param name="TopLevel">The top folder of the working tree.</param>
/// <param name="MergeBase">The commit id of the merge base of the ref and HEAD.</param>
/// <param name="Files">Absolute paths of the changed files that exist, committed since the merge base or not.</param>
public sealed record GitChange(string TopLevel, string MergeBase, IReadOnlyList<string> Files);
