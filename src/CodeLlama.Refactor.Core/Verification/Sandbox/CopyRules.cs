namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// What of a solution's folder a test copy leaves out: build outputs and tool folders by name; files over
/// <see cref="LargeFileBytes"/> that are not source, project or build files; and every path listed in
/// <see cref="IgnoreFileName"/> at the solution's root (one path relative to the root per line, <c>#</c> starts a comment).
/// The <c>bin</c> and <c>obj</c> folders of the projects a test run builds are kept, whole, when asked for
/// (<see cref="WithWarmProjects"/>): the copy then starts from the user's own build.
/// </summary>
public sealed class CopyRules
{
    /// <summary>The file that lists more paths to leave out.</summary>
    public const string IgnoreFileName = ".codellama-refactor-ignore";

    /// <summary>Files larger than this are left out unless their kind is in <see cref="BuildFileExtensions"/>.</summary>
    public const long LargeFileBytes = 10 * 1024 * 1024;

    /// <summary>Folders left out wherever they are.</summary>
    public static readonly IReadOnlyList<string> SkippedFolders = [".git", "bin", "obj", ".vs", ".idea", "TestResults", "node_modules"];

    /// <summary>The kinds of file a build or test run may need, copied whatever their size.</summary>
    public static readonly IReadOnlyList<string> BuildFileExtensions =
    [
        ".cs", ".csproj", ".props", ".targets", ".json", ".resx", ".sln", ".slnx", ".editorconfig", ".globalconfig", ".config",
        ".xml", ".xaml", ".razor", ".cshtml", ".snk",
    ];

    /// <summary>The build output folders kept in the folders of the projects a test run builds.</summary>
    public static readonly IReadOnlyList<string> WarmOutputFolders = ["bin", "obj"];

    private readonly HashSet<string> ignored;
    private readonly HashSet<string> warmOutputs;

    private CopyRules(HashSet<string> ignored, HashSet<string> warmOutputs) => (this.ignored, this.warmOutputs) = (ignored, warmOutputs);

    /// <summary>The rules for the folder <paramref name="root"/>, with its ignore file if it has one.</summary>
    /// <param name="root">The solution's folder.</param>
    /// <returns>The rules.</returns>
    public static CopyRules For(string root)
    {
        var file = Path.Combine(root, IgnoreFileName);
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        return new CopyRules(lines
            .Select(line => line.Split('#', 2)[0].Trim().Trim('/', '\\'))
            .Where(line => line.Length > 0)
            .Select(line => Path.GetFullPath(Path.Combine(root, line)))
            .ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>These rules, also keeping the <see cref="WarmOutputFolders"/> of the projects in <paramref name="projectFolders"/>.</summary>
    /// <param name="projectFolders">The folders of the projects whose build outputs the copy starts from.</param>
    /// <returns>The rules.</returns>
    public CopyRules WithWarmProjects(IEnumerable<string> projectFolders) => new(
        ignored,
        projectFolders.SelectMany(folder => WarmOutputFolders.Select(name => Path.GetFullPath(Path.Combine(folder, name))))
            .Where(folder => !ignored.Contains(folder))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether <paramref name="path"/> is a kept build output folder of a project the tests build, or inside one.</summary>
    /// <param name="path">A full path.</param>
    /// <returns>True when it is.</returns>
    public bool IsWarmOutput(string path)
    {
        for (var folder = Path.GetFullPath(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (warmOutputs.Contains(folder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the folder <paramref name="path"/> is copied.</summary>
    /// <param name="path">A folder's full path.</param>
    /// <returns>True to copy it.</returns>
    public bool CopiesFolder(string path) =>
        (warmOutputs.Contains(Path.GetFullPath(path)) || !SkippedFolders.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase))
        && !ignored.Contains(Path.GetFullPath(path))
        // A linked folder can point anywhere, up to the root of the disk.
        && new DirectoryInfo(path).LinkTarget is null;

    /// <summary>Whether the file <paramref name="path"/> is copied.</summary>
    /// <param name="path">A file's full path.</param>
    /// <returns>True to copy it.</returns>
    public bool CopiesFile(string path) =>
        !ignored.Contains(Path.GetFullPath(path))
        && (IsWarmOutput(path) || BuildFileExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) || new FileInfo(path).Length <= LargeFileBytes);
}
