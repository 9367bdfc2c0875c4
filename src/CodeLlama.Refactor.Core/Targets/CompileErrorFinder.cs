using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>The build errors of a solution (<see cref="BuildErrors"/>) as report records, syntax errors first.</summary>
public static class CompileErrorFinder
{
    /// <summary>Compiles all projects (concurrently) and returns every build error in repair order.</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="progress">Receives one report per project compiled.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors of all projects.</returns>
    public static Task<IReadOnlyList<CompileError>> FindAsync(
        LoadedSolution loaded,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var total = loaded.Projects.Count();
        return FindAsync(
            loaded.Solution,
            loaded.ProjectsDiagnosingDocumentation,
            (done, project) => progress?.Report(new WorkProgress("Compiling", done, total, project.Name)),
            cancellationToken);
    }

    /// <summary>Compiles all projects of <paramref name="solution"/> and returns every build error in repair order.</summary>
    /// <param name="solution">The solution, as loaded or with edits.</param>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    /// <param name="progress">Called once per project compiled.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors of all projects.</returns>
    public static async Task<IReadOnlyList<CompileError>> FindAsync(
        Solution solution,
        IReadOnlySet<ProjectId> documentationBuilt,
        Action<int, Project>? progress = null,
        CancellationToken cancellationToken = default)
    {
        return ToErrors(await BuildErrors.FindAsync(solution, documentationBuilt, progress, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The report records of build errors, in their order, without duplicates.</summary>
    /// <param name="errors">Build errors in repair order.</param>
    /// <returns>One record per distinct error.</returns>
    public static IReadOnlyList<CompileError> ToErrors(IEnumerable<BuildError> errors) => errors.Select(ToError).Distinct().ToList();

    /// <summary>The report record of a build error.</summary>
    /// <param name="error">The build error.</param>
    /// <returns>Its id, message, mapped position and project.</returns>
    public static CompileError ToError(BuildError error)
    {
        var diagnostic = error.Diagnostic;
        var span = diagnostic.Location.GetMappedLineSpan();
        return span.IsValid && diagnostic.Location.IsInSource
            ? new CompileError(
                diagnostic.Id,
                diagnostic.GetMessage(),
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                error.IsSyntax,
                error.Project.Name)
            : new CompileError(diagnostic.Id, diagnostic.GetMessage(), null, 0, 0, error.IsSyntax, error.Project.Name);
    }
}
