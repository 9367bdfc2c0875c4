using System.Security.Cryptography;
using System.Text;
using CodeLlama.Refactor.Workspaces.Fast;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// The files whose change changes what MSBuild loads, as far as they can be named without MSBuild: the solution, the
/// project files, their restore results, and the build files the SDK imports by name from a project's folder or the
/// folders above it. An import they do not name is not seen here; <see cref="LoadEquivalence"/> sees what it changed.
/// </summary>
internal static class LoadStamps
{
    private static readonly string[] ImportedByName =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "NuGet.Config", "nuget.config",
    ];

    /// <summary>The stamps of the files <paramref name="path"/>'s projects are loaded from.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="projectFiles">Its projects' files.</param>
    /// <returns>The stamps, in a stable order.</returns>
    public static IReadOnlyList<FileStamp> Of(SolutionPath path, IEnumerable<string> projectFiles)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { path.FullPath };
        foreach (var project in projectFiles)
        {
            var directory = Path.GetDirectoryName(project)!;
            files.Add(project);
            files.Add(Path.Combine(directory, "obj", "project.assets.json"));
            files.UnionWith(ImportedByNameFrom(directory));
        }

        return [.. files.Select(FileStamp.Of)];
    }

    /// <summary>The build files the SDK imports by name from <paramref name="directory"/> or a folder above it, whether they exist or not.</summary>
    /// <param name="directory">A folder.</param>
    /// <returns>Their paths, nearest folder first.</returns>
    public static IEnumerable<string> ImportedByNameFrom(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            foreach (var name in ImportedByName)
            {
                yield return Path.Combine(folder.FullName, name);
            }
        }
    }

    /// <summary>A hash of the .cs files under <paramref name="projectFile"/>'s folder, as the SDK's default glob finds them.</summary>
    /// <param name="projectFile">A project file.</param>
    /// <returns>The hash, in hex.</returns>
    public static string SourceListing(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var listing = Directory.Exists(directory) ? string.Join('\n', FastProjectLoader.SourceFiles(directory)) : "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(listing)));
    }
}
