using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces.Recorded;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// What a project's compile reads, other than the projects it references, as far as file times tell: its documents,
/// additional files and analyzer configuration files, its restore's assets, each metadata reference and analyzer; every
/// file under the solution's folder (build outputs left out) that is not another project's document — its project file
/// and whatever build file sets its options — and the folders under its own (a file removed leaves only its folder's
/// time); and the build files the SDK imports by name from the folders above the solution's.
/// </summary>
internal sealed class CompileInputs
{
    private readonly string rootDirectory;
    private readonly Lazy<IReadOnlyList<(string Path, DateTime Written, bool IsFolder)>> entries;
    private readonly Lazy<IReadOnlyDictionary<string, ProjectId[]>> documentOwners;

    /// <summary>Reads the times of <paramref name="solution"/>'s files under <paramref name="rootDirectory"/>, once, when first asked.</summary>
    /// <param name="solution">The solution.</param>
    /// <param name="rootDirectory">Its folder.</param>
    public CompileInputs(Solution solution, string rootDirectory)
    {
        this.rootDirectory = Path.GetFullPath(rootDirectory);
        entries = new(() => Entries(this.rootDirectory));
        documentOwners = new(() => DocumentOwners(solution));
    }

    /// <summary>Whether nothing <paramref name="project"/>'s compile reads, but the projects it references, is newer than <paramref name="compiled"/>.</summary>
    /// <param name="project">A project of the solution.</param>
    /// <param name="compiled">When its last compile wrote its assembly.</param>
    /// <returns>True when none is.</returns>
    public bool NoneNewerThan(Project project, DateTime compiled)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(project.FilePath!))!;
        if (Path.GetRelativePath(rootDirectory, folder).StartsWith("..", StringComparison.Ordinal))
        {
            return false;
        }

        string?[] restore = [Path.Combine(folder, "obj", "project.assets.json"), project.FilePath];
        var inputs = project.Documents.Select(document => document.FilePath)
            .Concat(project.AdditionalDocuments.Select(document => document.FilePath))
            .Concat(project.AnalyzerConfigDocuments.Select(document => document.FilePath))
            .Concat(project.MetadataReferences.OfType<PortableExecutableReference>().Select(reference => reference.FilePath))
            .Concat(project.AnalyzerReferences.Select(reference => reference.FullPath))
            .Concat(restore);
        if (inputs.Any(path => path is null || !File.Exists(path) || File.GetLastWriteTimeUtc(path) > compiled))
        {
            return false;
        }

        if (Path.GetDirectoryName(rootDirectory) is { } above
            && LoadStamps.ImportedByNameFrom(above).Any(path => File.Exists(path) && File.GetLastWriteTimeUtc(path) > compiled))
        {
            return false;
        }

        var within = folder + Path.DirectorySeparatorChar;
        return entries.Value.Where(entry => entry.Written > compiled).All(entry => entry.IsFolder
            ? entry.Path != folder && !entry.Path.StartsWith(within, StringComparison.Ordinal)
            : documentOwners.Value.TryGetValue(entry.Path, out var owners) && !owners.Contains(project.Id));
    }

    // Every file and folder under the solution's folder, build outputs and tool folders left out.
    private static IReadOnlyList<(string Path, DateTime Written, bool IsFolder)> Entries(string root)
    {
        var found = new List<(string, DateTime, bool)> { (root, Directory.GetLastWriteTimeUtc(root), true) };
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            found.AddRange(Directory.EnumerateFiles(folder).Select(file => (file, File.GetLastWriteTimeUtc(file), false)));
            foreach (var sub in Directory.EnumerateDirectories(folder).Where(sub => !CopyRules.SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase)))
            {
                // A linked folder can point anywhere, its own parent included: not walked, and taken as changed.
                var linked = new DirectoryInfo(sub).LinkTarget is not null;
                found.Add((sub, linked ? DateTime.MaxValue : Directory.GetLastWriteTimeUtc(sub), !linked));
                if (!linked)
                {
                    pending.Push(sub);
                }
            }
        }

        return found;
    }

    private static IReadOnlyDictionary<string, ProjectId[]> DocumentOwners(Solution solution) =>
        solution.Projects
            .SelectMany(project => project.Documents.Select(document => (document.FilePath, project.Id)))
            .Where(entry => entry.FilePath is not null)
            .GroupBy(entry => Path.GetFullPath(entry.FilePath!), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.Id).Distinct().ToArray(), StringComparer.Ordinal);
}
