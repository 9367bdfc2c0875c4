using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// The undocumented members a build reports: the compiler's own CS1591 diagnostics, with the project's options applied
/// (<c>NoWarn</c>, <c>.editorconfig</c> and <c>.globalconfig</c> severities, <c>#pragma warning disable</c>,
/// <c>TreatWarningsAsErrors</c>), in the projects whose build generates documentation (only there does the build
/// report CS1591). Members beyond the compiler's rule (<see cref="Visibility.All"/>) follow the same options.
/// </summary>
public static class ReportedUndocumentedMembers
{
    /// <summary>Finds the reported undocumented members of every project, ordered by file and line, each with its severity.</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The members as the build would report them, with the severity the build gives each.</returns>
    public static async Task<IReadOnlyList<(UndocumentedMember Member, DiagnosticSeverity Severity)>> FindAsync(
        LoadedSolution loaded,
        Visibility visibility,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var perProject = await Task.WhenAll(loaded.Projects
            .Where(project => loaded.ProjectsDiagnosingDocumentation.Contains(project.Id))
            .Select(project => Task.Run(() => OfProjectAsync(project, visibility, cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
        return perProject.SelectMany(members => members)
            .DistinctBy(entry => entry.Member)
            .OrderBy(entry => entry.Member.FilePath, StringComparer.Ordinal)
            .ThenBy(entry => entry.Member.Line)
            .ThenBy(entry => entry.Member.Column)
            .ToList();
    }

    private static async Task<IReadOnlyList<(UndocumentedMember Member, DiagnosticSeverity Severity)>> OfProjectAsync(
        Project project, Visibility visibility, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return [];
        }

        var userTrees = UndocumentedMemberFinder.UserTrees(project, compilation, cancellationToken);
        // What the compiler itself reports, after NoWarn, severities from .editorconfig/.globalconfig and #pragma.
        var reported = new Dictionary<(SyntaxTree, int), DiagnosticSeverity>();
        foreach (var diagnostic in compilation.GetDiagnostics(cancellationToken))
        {
            if (diagnostic.Id == DocumentationDiagnosticIds.MissingComment && !diagnostic.IsSuppressed
                && diagnostic.Severity != DiagnosticSeverity.Hidden
                && diagnostic.Location.SourceTree is { } tree && userTrees.Contains(tree))
            {
                reported[(tree, diagnostic.Location.SourceSpan.Start)] = diagnostic.Severity;
            }
        }

        var members = new List<(UndocumentedMember Member, DiagnosticSeverity Severity)>();
        foreach (var (symbol, location) in UndocumentedMemberFinder.Undocumented(compilation, userTrees, visibility, cancellationToken))
        {
            var severity = reported.TryGetValue((location.SourceTree!, location.SourceSpan.Start), out var found) ? found
                : DocumentationRequirement.IsRequired(symbol, Visibility.Public) ? (DiagnosticSeverity?)null
                : OptionSeverity(compilation, location.SourceTree!, cancellationToken);
            if (severity is { } counted)
            {
                members.Add((UndocumentedMemberFinder.ToMember(symbol, location), counted));
            }
        }

        return members;
    }

    // A member the compiler's rule does not cover (an internal one, under --visibility all) counts as CS1591 would at its
    // place: unless NoWarn or an .editorconfig/.globalconfig severity turns CS1591 off there.
    private static DiagnosticSeverity? OptionSeverity(Compilation compilation, SyntaxTree tree, CancellationToken cancellationToken)
    {
        // NoWarn wins over any configured severity, as the compiler has it.
        if (compilation.Options.SpecificDiagnosticOptions.GetValueOrDefault(DocumentationDiagnosticIds.MissingComment) == ReportDiagnostic.Suppress)
        {
            return null;
        }

        var report = ReportDiagnostic.Default;
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is not null
            && !provider.TryGetDiagnosticValue(tree, DocumentationDiagnosticIds.MissingComment, cancellationToken, out report)
            && !provider.TryGetGlobalDiagnosticValue(DocumentationDiagnosticIds.MissingComment, cancellationToken, out report))
        {
            report = ReportDiagnostic.Default;
        }

        if (report == ReportDiagnostic.Default)
        {
            report = compilation.Options.SpecificDiagnosticOptions.GetValueOrDefault(DocumentationDiagnosticIds.MissingComment, ReportDiagnostic.Default);
        }

        return report switch
        {
            ReportDiagnostic.Suppress or ReportDiagnostic.Hidden => null,
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            _ => compilation.Options.GeneralDiagnosticOption == ReportDiagnostic.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        };
    }
}
