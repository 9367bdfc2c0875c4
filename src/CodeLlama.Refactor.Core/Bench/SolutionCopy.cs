using System.Text;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Bench;

/// <summary>
/// A copy of the solution's folder in the private folder (<see cref="PrivateFolder"/>), deleted when disposed: each
/// mutant is repaired in a copy of its own, so the user's files are never opened for writing.
/// </summary>
internal sealed class SolutionCopy : IDisposable
{
    private SolutionCopy(string directory) => Directory = directory;

    /// <summary>The copy's folder, which stands for the solution's folder.</summary>
    public string Directory { get; }

    /// <summary>Copies <paramref name="rootDirectory"/>: sources and restore outputs, not build outputs or version control.</summary>
    public static SolutionCopy Of(string rootDirectory, CancellationToken cancellationToken)
    {
        var copy = new SolutionCopy(PrivateFolder.CreateRunFolder("bench"));
        try
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(rootDirectory, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(rootDirectory, file);
                if (!Skipped(relative))
                {
                    var target = Path.Combine(copy.Directory, relative);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }

            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The copy's path of a path relative to the solution's folder.</summary>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Writes <paramref name="text"/> over a copied file, keeping its byte order mark as it was.</summary>
    public void Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        File.WriteAllText(path, text, new UTF8Encoding(bom));
    }

    /// <summary>The copied file's text, decoded the way the workspace reads it.</summary>
    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The next run removes what a run left in the private folder.
        }
    }

    private static bool Skipped(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or ".git" or ".vs");
}
