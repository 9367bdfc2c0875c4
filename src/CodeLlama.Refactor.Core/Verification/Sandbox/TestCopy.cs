using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// A private copy of a solution's folder for one test run: a new folder in <see cref="PrivateFolder"/> (0700),
/// holding what <see cref="CopyRules"/> keeps, with the candidate's changes written over it; deleted on dispose.
/// Files keep their last write times, so that MSBuild's up-to-date checks see the user's build outputs (kept for the
/// projects the tests build, <see cref="WarmOutputs"/>) as up to date with the sources they were built from.
/// </summary>
public sealed class TestCopy : IDisposable
{
    private const string Kind = "run";

    private TestCopy(string sourceRoot, string root) => (SourceRoot, Root) = (sourceRoot, root);

    /// <summary>The solution's folder that was copied.</summary>
    public string SourceRoot { get; }

    /// <summary>The copy's folder.</summary>
    public string Root { get; }

    /// <summary>Copies <paramref name="sourceRoot"/> and writes <paramref name="changed"/> over the copy.</summary>
    /// <param name="sourceRoot">The solution's folder.</param>
    /// <param name="changed">Files (inside <paramref name="sourceRoot"/>) and their new text.</param>
    /// <param name="cancellationToken">Stops copying (the partial copy is deleted).</param>
    /// <param name="warmProjectFolders">The folders of the projects whose <c>bin</c> and <c>obj</c> are copied too.</param>
    /// <returns>The copy; dispose it to delete it.</returns>
    public static TestCopy Create(
        string sourceRoot, IReadOnlyList<(string FilePath, string Text)> changed, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? warmProjectFolders = null)
    {
        ArgumentNullException.ThrowIfNull(changed);
        // In this user's private folder, mode 0700, named after this process so that the next run removes it if this one is killed.
        var copy = new TestCopy(Path.GetFullPath(sourceRoot), PrivateFolder.CreateRunFolder(Kind));
        try
        {
            var warm = warmProjectFolders ?? [];
            CopyTree(copy.SourceRoot, copy.Root, CopyRules.For(copy.SourceRoot).WithWarmProjects(warm), cancellationToken);
            WarmOutputs.Rebase(copy.SourceRoot, copy.Root, warm.Select(folder => copy.PathOf(Path.Combine(folder, "obj"))));
            foreach (var (filePath, text) in changed)
            {
                copy.Write(filePath, text);
            }

            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Where <paramref name="originalPath"/>, a path inside <see cref="SourceRoot"/>, is in the copy.</summary>
    /// <param name="originalPath">A path in the solution's folder.</param>
    /// <returns>The same path in the copy.</returns>
    public string PathOf(string originalPath) => Path.Combine(Root, Path.GetRelativePath(SourceRoot, originalPath));

    /// <summary>Writes <paramref name="text"/> as the copy of <paramref name="originalPath"/>.</summary>
    /// <param name="originalPath">A path in the solution's folder.</param>
    /// <param name="text">The file's new text.</param>
    public void Write(string originalPath, string text)
    {
        var target = PathOf(originalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }

    /// <summary>Puts the copy of <paramref name="originalPath"/> back as the solution's folder holds it (or deletes it when the folder has none).</summary>
    /// <param name="originalPath">A path in the solution's folder.</param>
    public void Restore(string originalPath)
    {
        var target = PathOf(originalPath);
        if (File.Exists(originalPath))
        {
            File.Copy(originalPath, target, overwrite: true);
            // Newer than the copy's build outputs, so that an incremental build compiles it again.
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        else
        {
            File.Delete(target);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // A killed process may still be closing a file it wrote a moment ago: try again briefly.
        for (var attempt = 1; Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception exception) when (attempt < 5 && exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200 * attempt);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left for the next run, which removes the folders of runs that have ended; it is private to this user.
                return;
            }
        }
    }

    private static void CopyTree(string source, string target, CopyRules rules, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(rules.CopiesFile))
        {
            var copied = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copied);
            File.SetLastWriteTimeUtc(copied, File.GetLastWriteTimeUtc(file));
        }

        foreach (var directory in Directory.EnumerateDirectories(source).Where(rules.CopiesFolder))
        {
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)), rules, cancellationToken);
        }
    }
}
