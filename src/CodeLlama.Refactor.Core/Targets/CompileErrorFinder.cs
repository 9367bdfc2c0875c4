using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>Compiles every project of a solution and collects its errors, syntax errors first.</summary>
public static class CompileErrorFinder
{
    /// <summary>Compiles all projects (concurrently) and returns every error, syntax errors first, then by file and line.</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="progress">Receives one report per project compiled.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors of all projects.</returns>
    public static async Task<IReadOnlyList<CompileError>> FindAsync(
        LoadedSolution loaded,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var projects = loaded.Projects.ToList();
        var compiled = 0;
        var perProject = await Task.WhenAll(projects.Select(project => Task.Run(async () =>
        {
            var errors = await FindAsync(project, loaded.ProjectsDiagnosingDocumentation.Contains(project.Id), cancellationToken)
                .ConfigureAwait(false);
            progress?.Report(new WorkProgress("Compiling", Interlocked.Increment(ref compiled), projects.Count, project.Name));
            return errors;
        }, cancellationToken))).ConfigureAwait(false);

        return Order(perProject.SelectMany(errors => errors));
    }

    /// <summary>Compiles one project and returns its errors.</summary>
    /// <param name="project">The project to compile.</param>
    /// <param name="includeDocumentationErrors">
    /// False to leave out documentation diagnostics promoted to errors, for projects that do not ask for documentation.
    /// </param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The project's errors, unordered.</returns>
    public static async Task<IReadOnlyList<CompileError>> FindAsync(
        Project project,
        bool includeDocumentationErrors,
        CancellationToken cancellationToken = default)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Project {project.Name} has no compilation.");
        var syntaxErrors = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetDiagnostics(cancellationToken))
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToHashSet();

        return compilation.GetDiagnostics(cancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Where(diagnostic => includeDocumentationErrors || !DocumentationDiagnosticIds.All.Contains(diagnostic.Id))
            .Select(diagnostic => ToError(diagnostic, syntaxErrors.Contains(diagnostic), project.Name))
            .ToList();
    }

    /// <summary>Orders errors the way a repair must visit them: syntax errors first, then by file, line and column.</summary>
    /// <param name="errors">Errors in any order.</param>
    /// <returns>The ordered, de-duplicated errors.</returns>
    public static IReadOnlyList<CompileError> Order(IEnumerable<CompileError> errors) =>
        errors
            .Distinct()
            .OrderBy(error => error.IsSyntaxError ? 0 : 1)
            .ThenBy(error => error.FilePath, StringComparer.Ordinal)
            .ThenBy(error => error.Line)
            .ThenBy(error => error.Column)
            .ThenBy(error => error.Id, StringComparer.Ordinal)
            .ToList();

    private static CompileError ToError(Diagnostic diagnostic, bool isSyntaxError, string projectName)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return span.IsValid && diagnostic.Location.IsInSource
            ? new CompileError(
                diagnostic.Id,
                diagnostic.GetMessage(),
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                isSyntaxError,
                projectName)
            : new CompileError(diagnostic.Id, diagnostic.GetMessage(), null, 0, 0, isSyntaxError, projectName);
    }
}
