using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Where a project's own build writes its assembly. A dry run loads the workspace with the design-time build's
/// outputs sent to a scratch folder (one subfolder per project, laid out as under the project's folder), so the paths
/// the workspace holds name that folder; the build of a copy writes under the project's own folder, as a plain
/// <c>dotnet build</c> does with the SDK's default layout. A build with another layout is found out by whoever uses
/// the path: the file is not there, or the compiler's command line names another.
/// </summary>
public sealed class ProjectOutputs
{
    private readonly string? scratchFolder;

    internal ProjectOutputs(string? scratchFolder) =>
        this.scratchFolder = scratchFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(scratchFolder));

    /// <summary>The paths as the workspace holds them: it was loaded with the build's own outputs.</summary>
    public static ProjectOutputs AsLoaded { get; } = new(null);

    /// <summary>The assembly the build writes to the project's output folder (<c>bin/</c>), or null when it is not known.</summary>
    /// <param name="project">A loaded project.</param>
    /// <returns>The full path.</returns>
    public string? AssemblyPath(Project project) => Real(project, project?.OutputFilePath);

    /// <summary>The assembly the compiler writes (under <c>obj/</c>), or null when it is not known.</summary>
    /// <param name="project">A loaded project.</param>
    /// <returns>The full path.</returns>
    public string? IntermediateAssemblyPath(Project project) => Real(project, project?.CompilationOutputInfo.AssemblyPath);

    /// <summary>
    /// The reference assembly the build keeps beside the compiler's assembly (<c>obj/…/ref/</c>, rewritten only when
    /// the declarations changed), or null when the compiler's assembly is not known.
    /// </summary>
    /// <param name="project">A loaded project.</param>
    /// <returns>The full path.</returns>
    public string? ReferenceAssemblyPath(Project project) =>
        IntermediateAssemblyPath(project) is { } assembly ? Path.Combine(Path.GetDirectoryName(assembly)!, "ref", Path.GetFileName(assembly)) : null;

    /// <summary>
    /// Where the project's own build has the file the workspace holds at <paramref name="path"/>: a generated source or
    /// an output in the scratch folder moves back under the project's folder; any other path stays as it is.
    /// </summary>
    /// <param name="project">The loaded project the file belongs to.</param>
    /// <param name="path">A full path as the workspace holds it.</param>
    /// <returns>The full path in the project's own build.</returns>
    public string InOwnBuild(Project project, string path) => Real(project, path ?? throw new ArgumentNullException(nameof(path)))!;

    private string? Real(Project? project, string? path)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (path is null || scratchFolder is null || project.FilePath is null)
        {
            return path;
        }

        var relative = Path.GetRelativePath(scratchFolder, path);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || separator < 0)
        {
            return path;
        }

        // The first folder is the project's own in the scratch folder; what follows is laid out as under the project.
        return Path.Combine(Path.GetDirectoryName(project.FilePath)!, relative[(separator + 1)..]);
    }
}
