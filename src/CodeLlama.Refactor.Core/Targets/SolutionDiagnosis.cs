using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// Every C# project of a solution compiled as it is, with all its diagnostics, as a build reports them: each project is
/// diagnosed at most once, and can be started early so that the binding of every method body runs while other work goes on.
/// </summary>
/// <param name="solution">The solution.</param>
/// <param name="cancellationToken">Cancels every diagnosis.</param>
public sealed class SolutionDiagnosis(Solution solution, CancellationToken cancellationToken)
{
    private readonly ConcurrentDictionary<ProjectId, Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)>> projects = new();

    /// <summary>The solution diagnosed.</summary>
    public Solution Solution => solution;

    /// <summary>Starts the diagnosis of every C# project, in the background.</summary>
    /// <returns>This diagnosis.</returns>
    public SolutionDiagnosis StartAll()
    {
        foreach (var project in solution.Projects.Where(project => project.Language == LanguageNames.CSharp))
        {
            _ = Of(project.Id);
        }

        return this;
    }

    /// <summary>The project's compilation and all its diagnostics.</summary>
    /// <param name="projectId">A C# project of the solution.</param>
    /// <returns>The compilation and its diagnostics.</returns>
    public Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> Of(ProjectId projectId) =>
        projects.GetOrAdd(projectId, id => Task.Run(
            () => BuildErrors.DiagnosedAsync(
                solution.GetProject(id) ?? throw new ArgumentException($"No project {id} in the solution.", nameof(projectId)), cancellationToken),
            cancellationToken));
}
