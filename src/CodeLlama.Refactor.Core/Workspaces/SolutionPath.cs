namespace CodeLlama.Refactor.Workspaces;

/// <summary>What kind of file a <see cref="SolutionPath"/> names.</summary>
public enum SolutionPathKind
{
    /// <summary>A classic <c>.sln</c> solution.</summary>
    Solution,

    /// <summary>An XML <c>.slnx</c> solution.</summary>
    XmlSolution,

    /// <summary>A single <c>.csproj</c> project.</summary>
    Project,
}

/// <summary>
/// A solution or project file the user pointed at, resolved from a file or a folder holding exactly one.
/// </summary>
/// <param name="FullPath">The absolute path of the solution or project file.</param>
/// <param name="Kind">Whether it is a solution or a project.</param>
public sealed record SolutionPath(string FullPath, SolutionPathKind Kind)
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx"];

    /// <summary>The folder that report paths are relative to: the folder of the solution or project file.</summary>
    public string RootDirectory => Path.GetDirectoryName(FullPath)!;

    /// <summary>
    /// Resolves what the user typed: a <c>.sln</c>, <c>.slnx</c> or <c>.csproj</c> file, or a folder holding exactly one
    /// solution (or, when it holds none, exactly one project).
    /// </summary>
    /// <param name="path">The path as given on the command line.</param>
    /// <returns>The resolved file.</returns>
    /// <exception cref="InputException">The path does not exist, is of another kind, or the folder is ambiguous or empty.</exception>
    public static SolutionPath Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("No path given: name a .sln, .slnx or .csproj file, or a folder holding one.");
        }

        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return FromFile(fullPath);
        }

        if (Directory.Exists(fullPath))
        {
            return FromFolder(fullPath);
        }

        throw new InputException($"Path not found: {path}");
    }

    private static SolutionPath FromFile(string fullPath)
    {
        var kind = Path.GetExtension(fullPath).ToLowerInvariant() switch
        {
            ".sln" => SolutionPathKind.Solution,
            ".slnx" => SolutionPathKind.XmlSolution,
            ".csproj" => SolutionPathKind.Project,
            var other => throw new InputException(
                $"Not a solution or C# project: {fullPath} ({(other.Length == 0 ? "no extension" : other)}); expected .sln, .slnx or .csproj."),
        };

        return new SolutionPath(fullPath, kind);
    }

    private static SolutionPath FromFolder(string folder)
    {
        var solutions = Directory.EnumerateFiles(folder)
            .Where(file => SolutionExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var candidates = solutions.Count > 0
            ? solutions
            : Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).ToList();

        return candidates.Count switch
        {
            1 => FromFile(candidates[0]),
            0 => throw new InputException($"No .sln, .slnx or .csproj file in folder: {folder}"),
            _ => throw new InputException(
                $"Several candidates in folder {folder}: {string.Join(", ", candidates.Select(Path.GetFileName))}; name one of them."),
        };
    }
}
