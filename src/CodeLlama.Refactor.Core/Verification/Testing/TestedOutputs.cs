using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>The projects a test run builds and where their assemblies end up in the copy.</summary>
internal static class TestedOutputs
{
    /// <summary>
    /// Every target framework of the test projects (<c>dotnet test</c> builds and runs them all) and every project they
    /// depend on.
    /// </summary>
    public static HashSet<ProjectId> Reached(Solution solution, IEnumerable<Project> testProjects)
    {
        var graph = solution.GetProjectDependencyGraph();
        var testFiles = testProjects.Select(project => project.FilePath).ToHashSet(StringComparer.Ordinal);
        return solution.Projects.Where(project => testFiles.Contains(project.FilePath))
            .SelectMany(project => graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id).Append(project.Id))
            .ToHashSet();
    }

    /// <summary>
    /// Where the copy holds <paramref name="project"/>'s assembly: its own output, and the copies MSBuild made in the
    /// output folders of the <paramref name="reached"/> projects that depend on it.
    /// </summary>
    public static IEnumerable<string> CopiesOf(TestCopy copy, Solution solution, Project project, IReadOnlySet<ProjectId> reached, ProjectOutputs outputs)
    {
        var own = copy.PathOf(outputs.AssemblyPath(project)!);
        var name = Path.GetFileName(own);
        return solution.GetProjectDependencyGraph().GetProjectsThatTransitivelyDependOnThisProject(project.Id)
            .Where(reached.Contains)
            .Select(id => solution.GetProject(id) is { } dependent ? outputs.AssemblyPath(dependent) : null)
            .OfType<string>()
            .Select(path => Path.Combine(Path.GetDirectoryName(copy.PathOf(path))!, name))
            .Where(File.Exists)
            .Prepend(own)
            .Distinct(StringComparer.Ordinal);
    }
}
