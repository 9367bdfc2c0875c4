namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// What of a solution's folder a test copy leaves out: build outputs and tool folders by name; files over
/// <see cref="LargeFileBytes"/> that are not source, project or build files; and every path listed in
/// <see cref="IgnoreFileName"/> at the solution's root (one path relative to the root per line, <c>#</c> starts a comment).
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

    private readonly HashSet<string> ignored;

    private CopyRules(HashSet<string> ignored) => this.ignored = ignored;

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
            .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the folder <paramref name="path"/> is copied.</summary>
    /// <param name="path">A folder's full path.</param>
    /// <returns>True to copy it.</returns>
    public bool CopiesFolder(string path) =>
        !SkippedFolders.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
        && !ignored.Contains(Path.GetFullPath(path))
        // A linked folder can point anywhere, up to the root of the disk.
        && new DirectoryInfo(path).LinkTarget is null;

    /// <summary>Whether the file <paramref name="path"/> is copied.</summary>
    /// <param name="path">A file's full path.</param>
    /// <returns>True to copy it.</returns>
    public bool CopiesFile(string path) =>
        !ignored.Contains(Path.GetFullPath(path))
        && (BuildFileExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) || new FileInfo(path).Length <= LargeFileBytes);
}
