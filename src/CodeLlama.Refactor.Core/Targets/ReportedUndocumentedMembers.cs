using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// The undocumented members a build reports: the compiler's own CS1591 diagnostics, with the project's options applied
/// (<c>NoWarn</c>, <c>.editorconfig</c> and <c>.globalconfig</c> severities, <c>#pragma warning disable</c>,
/// <c>TreatWarningsAsErrors</c>), in the projects whose build generates documentation (only there does the build
/// report CS1591). In the other projects the same members count as CLRF0001 (the analyzer package's rule), with
/// CLRF0001's configured severity (warning unless <c>NoWarn</c>, <c>.editorconfig</c> or <c>.globalconfig</c> say
/// otherwise): the list is the one <c>doc</c> documents, whether or not the project writes a documentation file.
/// Members beyond the compiler's rule (<see cref="Visibility.All"/>) follow the same options. Test projects are no public
/// API and are left out, unless their own build reports CS1591 (<see cref="UndocumentedMemberFinder.ProjectsToDocument"/>).
/// </summary>
public static class ReportedUndocumentedMembers
{
    /// <summary>Finds the reported undocumented members of every project, ordered by file and line, each with its severity.</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The members with the id they are reported under (CS1591 or CLRF0001) and the severity the project gives it.</returns>
    public static async Task<IReadOnlyList<(UndocumentedMember Member, DiagnosticSeverity Severity, string RuleId)>> FindAsync(
        LoadedSolution loaded,
        Visibility visibility,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var perProject = await Task.WhenAll(UndocumentedMemberFinder.ProjectsToDocument(loaded)
            .Select(project => Task.Run(
                () => OfProjectAsync(project, loaded.ProjectsDiagnosingDocumentation.Contains(project.Id), visibility, cancellationToken),
                cancellationToken)))
            .ConfigureAwait(false);
        // One finding per place, as doc writes one comment there: a member of a multi-targeting project is found once per
        // target, and a positional record's primary constructor at the record's own name.
        return perProject.SelectMany(members => members)
            .DistinctBy(entry => (entry.Member.FilePath, entry.Member.Line, entry.Member.Column))
            .OrderBy(entry => entry.Member.FilePath, StringComparer.Ordinal)
            .ThenBy(entry => entry.Member.Line)
            .ThenBy(entry => entry.Member.Column)
            .ToList();
    }

    // In a project whose build reports CS1591, what the compiler reports; in another, every member doc would document,
    // as CLRF0001 at its configured severity.
    private static async Task<IReadOnlyList<(UndocumentedMember Member, DiagnosticSeverity Severity, string RuleId)>> OfProjectAsync(
        Project project, bool buildReportsIt, Visibility visibility, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return [];
        }

        var userTrees = UndocumentedMemberFinder.UserTrees(project, compilation, cancellationToken);
        var ruleId = buildReportsIt ? DocumentationDiagnosticIds.MissingComment : DocumentationDiagnosticIds.MissingCommentBeyondBuild;
        // What the compiler itself reports, after NoWarn, severities from .editorconfig/.globalconfig and #pragma.
        var reported = new Dictionary<(SyntaxTree, int), DiagnosticSeverity>();
        foreach (var diagnostic in buildReportsIt ? compilation.GetDiagnostics(cancellationToken) : [])
        {
            if (diagnostic.Id == DocumentationDiagnosticIds.MissingComment && !diagnostic.IsSuppressed
                && diagnostic.Severity != DiagnosticSeverity.Hidden
                && diagnostic.Location.SourceTree is { } tree && userTrees.Contains(tree))
            {
                reported[(tree, diagnostic.Location.SourceSpan.Start)] = diagnostic.Severity;
            }
        }

        var members = new List<(UndocumentedMember Member, DiagnosticSeverity Severity, string RuleId)>();
        foreach (var (symbol, location) in UndocumentedMemberFinder.Undocumented(compilation, userTrees, visibility, cancellationToken))
        {
            var severity = reported.TryGetValue((location.SourceTree!, location.SourceSpan.Start), out var found) ? found
                : buildReportsIt && DocumentationRequirement.IsRequired(symbol, Visibility.Public) ? (DiagnosticSeverity?)null
                : OptionSeverity(compilation, location.SourceTree!, ruleId, cancellationToken);
            if (severity is { } counted)
            {
                members.Add((UndocumentedMemberFinder.ToMember(symbol, location), counted, ruleId));
            }
        }

        return members;
    }

    // A member the compiler's rule does not cover (an internal one, under --visibility all) counts as CS1591 would at its
    // place: unless NoWarn or an .editorconfig/.globalconfig severity turns CS1591 off there. CLRF0001 is read the same way.
    private static DiagnosticSeverity? OptionSeverity(Compilation compilation, SyntaxTree tree, string id, CancellationToken cancellationToken)
    {
        // NoWarn wins over any configured severity, as the compiler has it.
        if (compilation.Options.SpecificDiagnosticOptions.GetValueOrDefault(id) == ReportDiagnostic.Suppress)
        {
            return null;
        }

        var report = ReportDiagnostic.Default;
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is not null
            && !provider.TryGetDiagnosticValue(tree, id, cancellationToken, out report)
            && !provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out report))
        {
            report = ReportDiagnostic.Default;
        }

        if (report == ReportDiagnostic.Default)
        {
            report = compilation.Options.SpecificDiagnosticOptions.GetValueOrDefault(id, ReportDiagnostic.Default);
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
