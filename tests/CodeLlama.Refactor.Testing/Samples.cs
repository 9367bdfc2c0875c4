namespace CodeLlama.Refactor.Testing;

/// <summary>Copies of the repository's samples in a temporary folder, so tests can build and change them freely.</summary>
public static class Samples
{
    public const string BrokenBuild = "BrokenBuild";
    public const string Undocumented = "Undocumented";

    /// <summary>The repository's root folder, found from the test assembly's location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Copies the whole samples folder (so each sample keeps its build isolation files) and returns the named sample.</summary>
    public static TemporarySample Copy(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(RepositoryRoot, "samples"), root);
        return new TemporarySample(root, Path.Combine(root, name));
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CodeLlama.Refactor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CodeLlama.Refactor.sln) is not above the test assembly.");
    }
}

/// <summary>A sample copied to a temporary folder; disposing deletes the copy.</summary>
/// <param name="CopyRoot">The temporary copy of the samples folder.</param>
/// <param name="Directory">The sample's own folder inside it.</param>
public sealed record TemporarySample(string CopyRoot, string Directory) : IDisposable
{
    public string File(string relativePath) => Path.Combine(Directory, relativePath);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(CopyRoot, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }
}
