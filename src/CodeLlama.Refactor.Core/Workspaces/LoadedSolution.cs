using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>A solution opened through MSBuild, with what loading it reported.</summary>
/// <param name="Path">The file the user pointed at.</param>
/// <param name="Workspace">The workspace that owns <paramref name="Solution"/>; disposing it releases the build hosts.</param>
/// <param name="Solution">The C# projects as loaded, in documentation-diagnose mode.</param>
/// <param name="Diagnostics">
/// What MSBuild or the workspace reported while loading, as warnings: restore warnings (NU1603, NU1701, NU1900 …) and
/// other messages about projects that still loaded with a compilation. A project that did not load refuses the load
/// instead.
/// </param>
/// <param name="ProjectsDiagnosingDocumentation">
/// The projects whose own build reports documentation diagnostics (GenerateDocumentationFile); for the others, those
/// diagnostics exist only because the tool turned them on, and never count as build errors.
/// </param>
public sealed record LoadedSolution(
    SolutionPath Path,
    Workspace Workspace,
    Solution Solution,
    IReadOnlyList<LoadDiagnostic> Diagnostics,
    IReadOnlySet<ProjectId> ProjectsDiagnosingDocumentation) : IDisposable
{
    /// <summary>The folder that report paths are relative to.</summary>
    public string RootDirectory => Path.RootDirectory;

    /// <summary>The projects that will be analysed, C# only.</summary>
    public IEnumerable<Project> Projects => Solution.Projects.Where(project => project.Language == LanguageNames.CSharp);

    /// <summary>Returns <paramref name="fullPath"/> relative to <see cref="RootDirectory"/>, with forward slashes.</summary>
    /// <param name="fullPath">An absolute file path.</param>
    /// <returns>The relative path, or the path unchanged when it has no common root.</returns>
    public string RelativePath(string fullPath) => RelativePaths.From(RootDirectory, fullPath);

    /// <summary>
    /// Where a dry run's design-time build wrote what it would have written under <c>obj/</c>; it lives as long as the
    /// workspace, which reads the generated files from there.
    /// </summary>
    internal IDisposable? BuildOutputs { get; init; }

    /// <summary>
    /// The workspace MSBuild loaded the projects for, when it is not <see cref="Workspace"/>: the references it made are
    /// used by the solution, so it lives as long.
    /// </summary>
    internal IDisposable? Loader { get; init; }

    /// <summary>Where each project's own build writes its assembly, whatever folder the loading sent its outputs to.</summary>
    public ProjectOutputs Outputs { get; init; } = ProjectOutputs.AsLoaded;

    /// <inheritdoc/>
    public void Dispose()
    {
        Workspace.Dispose();
        Loader?.Dispose();
        BuildOutputs?.Dispose();
    }
}

/// <summary>A message from loading a project.</summary>
/// <param name="IsFailure">True when a project could not be loaded; false for warnings.</param>
/// <param name="Message">What MSBuild or the workspace said.</param>
public sealed record LoadDiagnostic(bool IsFailure, string Message);
