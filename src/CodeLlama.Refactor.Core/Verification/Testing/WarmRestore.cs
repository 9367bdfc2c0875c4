namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Whether a test copy's projects are already restored by the user's own restore: the copy kept their <c>obj</c>
/// folders (<see cref="Sandbox.WarmOutputs"/>), and a restore of the copy would find nothing to change. Then the host's
/// <c>dotnet restore</c> (an MSBuild start and an evaluation of every project, seconds) is left out. Any doubt restores.
/// </summary>
internal static class WarmRestore
{
    private const string AssetsFile = "project.assets.json";

    // What restore reads besides the project file: the build files MSBuild imports from the folders above it, the
    // central package versions, the NuGet configuration.
    private static readonly string[] ImportedFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json"];

    /// <summary>
    /// True when every project folder of <paramref name="projectFolders"/> (in the copy under <paramref name="copyRoot"/>)
    /// holds <c>obj/project.assets.json</c>, written after each of its project files and the files restore reads from the
    /// folders above (up to <paramref name="copyRoot"/>); false when one lacks it or one of those files is newer.
    /// </summary>
    /// <param name="copyRoot">The copy's folder (its files keep the times of the user's).</param>
    /// <param name="projectFolders">The copy's folders of the projects the tests build.</param>
    public static bool IsRestored(string copyRoot, IReadOnlyCollection<string> projectFolders)
    {
        ArgumentNullException.ThrowIfNull(projectFolders);
        return projectFolders.Count > 0 && projectFolders.All(folder => IsRestored(Path.GetFullPath(copyRoot), Path.GetFullPath(folder)));
    }

    private static bool IsRestored(string copyRoot, string projectFolder)
    {
        var assets = new FileInfo(Path.Combine(projectFolder, "obj", AssetsFile));
        if (!assets.Exists)
        {
            return false;
        }

        var inputs = Directory.EnumerateFiles(projectFolder, "*.*proj").Concat(Directory.EnumerateFiles(projectFolder, "*.props"))
            .Concat(Directory.EnumerateFiles(projectFolder, "*.targets")).ToList();
        for (var folder = projectFolder; folder is not null && folder.StartsWith(copyRoot, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            inputs.AddRange(ImportedFiles.Select(name => Path.Combine(folder, name)).Where(File.Exists));
        }

        return inputs.All(input => File.GetLastWriteTimeUtc(input) <= assets.LastWriteTimeUtc);
    }
}
