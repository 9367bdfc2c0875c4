using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// The one definition of what a repair targets and what counts as remaining: the errors a real <c>dotnet build</c> of
/// each project would fail on, plus the semantic errors the command-line compiler hides behind a file's syntax errors.
/// </summary>
/// <remarks>
/// The compilation already applies what the build applies: <c>NoWarn</c>, <c>WarningsAsErrors</c>,
/// <c>TreatWarningsAsErrors</c> (compilation options), <c>#pragma warning</c> and <c>.editorconfig</c>/<c>.globalconfig</c>
/// severities (syntax tree options). What it adds is documentation: the workspace turns documentation comments on for
/// every project so that they can be checked, and a project whose build does not generate documentation never reports
/// them, so they are never its errors.
/// </remarks>
public static class BuildErrors
{
    /// <summary>True when a build of a project would fail on <paramref name="diagnostic"/>.</summary>
    /// <param name="diagnostic">A diagnostic of the project's compilation.</param>
    /// <param name="documentationBuilt">True when the project's build generates documentation (reports CS1591 and the like).</param>
    /// <returns>True for a build error.</returns>
    public static bool IsBuildError(Diagnostic diagnostic, bool documentationBuilt) =>
        diagnostic.Severity == DiagnosticSeverity.Error
        && !diagnostic.IsSuppressed
        && (documentationBuilt || !DocumentationDiagnosticIds.All.Contains(diagnostic.Id));

    /// <summary>
    /// True when a build of a project would report <paramref name="diagnostic"/> at all, as an error or a warning: what a
    /// verified edit may not add.
    /// </summary>
    /// <param name="diagnostic">A diagnostic of the project's compilation.</param>
    /// <param name="documentationBuilt">True when the project's build generates documentation.</param>
    /// <returns>True for a diagnostic the build shows.</returns>
    public static bool IsReported(Diagnostic diagnostic, bool documentationBuilt) =>
        diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning
        && !diagnostic.IsSuppressed
        && (documentationBuilt || !DocumentationDiagnosticIds.All.Contains(diagnostic.Id));

    /// <summary>The build errors of every C# project of <paramref name="solution"/>, in the order a repair visits them.</summary>
    /// <param name="solution">The solution.</param>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    /// <param name="progress">Called once per project compiled, with the count so far and the project.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Syntax errors first, then by project in dependency order, then by file and position.</returns>
    public static Task<IReadOnlyList<BuildError>> FindAsync(
        Solution solution,
        IReadOnlySet<ProjectId> documentationBuilt,
        Action<int, Project>? progress = null,
        CancellationToken cancellationToken = default) =>
        FindAsync(solution, documentationBuilt, DiagnosedAsync, progress, cancellationToken);

    /// <summary>
    /// The build errors of every C# project of <paramref name="solution"/>, from the diagnostics
    /// <paramref name="diagnose"/> gives (those a caller already computed for the compilation it gives with them).
    /// </summary>
    /// <param name="solution">The solution.</param>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    /// <param name="diagnose">Gives a project's compilation and all its diagnostics.</param>
    /// <param name="progress">Called once per project compiled, with the count so far and the project.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Syntax errors first, then by project in dependency order, then by file and position.</returns>
    public static Task<IReadOnlyList<BuildError>> FindAsync(
        Solution solution,
        IReadOnlySet<ProjectId> documentationBuilt,
        Func<Project, CancellationToken, Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)>> diagnose,
        Action<int, Project>? progress = null,
        CancellationToken cancellationToken = default) =>
        FindAsync(
            solution,
            async (project, token) =>
            {
                var (compilation, diagnostics) = await diagnose(project, token).ConfigureAwait(false);
                return Of(project, compilation, diagnostics, documentationBuilt.Contains(project.Id), token);
            },
            progress,
            cancellationToken);

    /// <summary>
    /// The build errors of every C# project of <paramref name="solution"/>, each project's as <paramref name="errorsOf"/>
    /// gives them (those known from an earlier snapshot, say), in the order a repair visits them.
    /// </summary>
    /// <param name="solution">The solution.</param>
    /// <param name="errorsOf">Gives one project's build errors.</param>
    /// <param name="progress">Called once per project, with the count so far and the project.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Syntax errors first, then by project in dependency order, then by file and position.</returns>
    public static async Task<IReadOnlyList<BuildError>> FindAsync(
        Solution solution,
        Func<Project, CancellationToken, Task<IReadOnlyList<BuildError>>> errorsOf,
        Action<int, Project>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var order = solution.GetProjectDependencyGraph().GetTopologicallySortedProjects(cancellationToken)
            .Select((id, index) => (id, index)).ToDictionary(entry => entry.id, entry => entry.index);
        var projects = solution.Projects.Where(project => project.Language == LanguageNames.CSharp).ToList();
        var compiled = 0;
        var perProject = await Task.WhenAll(projects.Select(project => Task.Run(async () =>
        {
            var errors = await errorsOf(project, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(Interlocked.Increment(ref compiled), project);
            return errors;
        }, cancellationToken))).ConfigureAwait(false);

        return perProject.SelectMany(errors => errors)
            .OrderBy(error => error.IsSyntax ? 0 : 1)
            .ThenBy(error => order.GetValueOrDefault(error.Project.Id))
            .ThenBy(error => error.Diagnostic.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(error => error.Diagnostic.Location.SourceSpan.Start)
            .ThenBy(error => error.Diagnostic.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The build errors of one project, unordered.</summary>
    /// <param name="project">The project.</param>
    /// <param name="documentationBuilt">True when the project's build generates documentation.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Its build errors.</returns>
    public static async Task<IReadOnlyList<BuildError>> OfProjectAsync(Project project, bool documentationBuilt, CancellationToken cancellationToken)
    {
        var (compilation, diagnostics) = await DiagnosedAsync(project, cancellationToken).ConfigureAwait(false);
        return Of(project, compilation, diagnostics, documentationBuilt, cancellationToken);
    }

    /// <summary>The project's compilation and all its diagnostics: every method body bound, as a build compiles it.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The compilation and its diagnostics.</returns>
    public static async Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> DiagnosedAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await CompilationOf(project, cancellationToken).ConfigureAwait(false);
        return (compilation, compilation.GetDiagnostics(cancellationToken));
    }

    private static async Task<Compilation> CompilationOf(Project project, CancellationToken cancellationToken) =>
        await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Project {project.Name} has no compilation.");

    private static IReadOnlyList<BuildError> Of(
        Project project, Compilation compilation, ImmutableArray<Diagnostic> diagnostics, bool documentationBuilt, CancellationToken cancellationToken)
    {
        var syntaxErrors = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetDiagnostics(cancellationToken))
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToHashSet();
        return diagnostics
            .Where(diagnostic => IsBuildError(diagnostic, documentationBuilt))
            .Select(diagnostic => new BuildError(project, diagnostic, syntaxErrors.Contains(diagnostic)))
            .ToList();
    }
}
