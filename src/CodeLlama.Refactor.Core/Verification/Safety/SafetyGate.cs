using System.Runtime.CompilerServices;
using CodeLlama.Refactor.Candidates;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The gate every candidate passes before its tests run, whoever wrote it: it is unsafe when it adds, in a document it
/// changes, a capability that document's member did not use (<see cref="CapabilityTable"/>) and the project does not
/// allow. A candidate of an untrusted source must also pass the allow-list (<see cref="AllowListGate"/>) and add no
/// security diagnostic of the SDK's analyzers (<see cref="SecurityRules"/>) that was not there.
/// </summary>
/// <param name="allowed">Capabilities allowed for every project (<c>--allow-capability</c>); .editorconfig may allow more.</param>
/// <param name="analyzers">The security analyzers; null runs the capability scan alone.</param>
public sealed class SafetyGate(IReadOnlyCollection<Capability> allowed, SecurityAnalyzers? analyzers)
{
    // The code before a candidate is the same for every candidate made from it: scanned and analyzed once.
    private readonly ConditionalWeakTable<Document, Task<CapabilityScan>> scansBefore = new();
    private readonly ConditionalWeakTable<Project, Task<IReadOnlyList<SecurityFinding>>> findingsBefore = new();
    private readonly AllowListGate allowListGate = new();

    // The SDK's analyzers are loaded when a candidate first needs them: loading them (a few tenths of a second) is
    // wasted on a run whose candidates are all trusted, as every run without a model is.
    private readonly bool sdkAnalyzers;

    /// <summary>A gate with the SDK's security analyzers, when the SDK has them.</summary>
    /// <param name="allowed">Capabilities allowed for every project.</param>
    public SafetyGate(IReadOnlyCollection<Capability>? allowed = null)
        : this(allowed ?? [], analyzers: null) =>
        sdkAnalyzers = true;

    private SecurityAnalyzers? Analyzers => sdkAnalyzers ? SecurityAnalyzers.Sdk : analyzers;

    /// <summary>
    /// Whether the security rules judge trusted candidates too. Off by default: trusted sources only rename, import and
    /// generate from what the code already has, and the rules cost an analysis of the whole project per candidate.
    /// </summary>
    public bool AnalyzesTrusted { get; init; }

    /// <summary>Decides whether <paramref name="candidate"/>, made from <paramref name="current"/>, is safe to build and test.</summary>
    /// <param name="current">The solution the candidate edits.</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="cancellationToken">Cancels the scans.</param>
    /// <returns>Safe, or unsafe with the capability or diagnostic it adds.</returns>
    public async Task<SafetyVerdict> VerifyAsync(Solution current, Candidate candidate, CancellationToken cancellationToken)
    {
        var solutionChanges = candidate.Solution.GetChanges(current);
        var changes = solutionChanges.GetProjectChanges().ToList();
        if (candidate.Trust == CandidateTrust.Untrusted && OutsideDocuments(solutionChanges, changes) is { } outside)
        {
            return new SafetyVerdict(SafetyStatus.Unsafe, Refusal: new Refusal(RefusalKind.NotAllowed, outside, "the solution"));
        }

        foreach (var project in changes)
        {
            var changed = project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(project.GetAddedDocuments()).ToList();
            foreach (var id in changed)
            {
                var before = current.GetDocument(id);
                var after = candidate.Solution.GetDocument(id)!;
                // What the project allows is read from the code as it was; a new document takes its project's settings.
                var settings = before ?? current.GetProject(id.ProjectId)?.Documents.FirstOrDefault();
                var permitted = settings is null ? allowed : await AllowedCapabilities.ForAsync(settings, allowed, cancellationToken).ConfigureAwait(false);
                var (scan, scanAfter) = await ScansAsync(before, after, cancellationToken).ConfigureAwait(false);
                var added = CapabilityComparison.Added(scan, scanAfter, permitted);
                if (added.Count > 0)
                {
                    return new SafetyVerdict(SafetyStatus.Unsafe, Capability: added[0]);
                }

                if (candidate.Trust == CandidateTrust.Untrusted
                    && await allowListGate.CheckAsync(before, after, AllowList.For(permitted), cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    return new SafetyVerdict(SafetyStatus.Unsafe, Refusal: refusal);
                }
            }

            if (changed.Count > 0 && (AnalyzesTrusted || candidate.Trust == CandidateTrust.Untrusted) && Analyzers is not null && await AddedFindingAsync(current.GetProject(project.ProjectId), project.NewProject, changed, cancellationToken).ConfigureAwait(false) is { } finding)
            {
                return new SafetyVerdict(SafetyStatus.Unsafe, Diagnostic: finding);
            }
        }

        return SafetyVerdict.Safe;
    }

    // The capabilities before and after an edit of one document: of the one member it changes when it keeps every
    // declaration (EditedMember: the other members bind as they did), else of the whole document.
    private async Task<(CapabilityScan Before, CapabilityScan After)> ScansAsync(Document? before, Document after, CancellationToken cancellationToken)
    {
        if (before is not null && await EditedMember.FindAsync(before, after, cancellationToken).ConfigureAwait(false) is { } member)
        {
            return (await CapabilityComparison.ScanAsync(before, member.Before, cancellationToken).ConfigureAwait(false),
                await CapabilityComparison.ScanAsync(after, member.After, cancellationToken).ConfigureAwait(false));
        }

        var scanBefore = before is null ? CapabilityScan.Empty : await scansBefore.GetValue(before, document => CapabilityComparison.ScanAsync(document, cancellationToken)).ConfigureAwait(false);
        return (scanBefore, await CapabilityComparison.ScanAsync(after, cancellationToken).ConfigureAwait(false));
    }

    // Untrusted code may change C# documents only: not projects, references, analyzers or other files.
    private static string? OutsideDocuments(SolutionChanges solution, IReadOnlyList<ProjectChanges> projects)
    {
        if (solution.GetAddedProjects().Any() || solution.GetRemovedProjects().Any())
        {
            return "an added or removed project";
        }

        var changed = projects.Where(project =>
            project.GetAddedMetadataReferences().Any() || project.GetAddedProjectReferences().Any() || project.GetAddedAnalyzerReferences().Any()
            || project.GetAddedAdditionalDocuments().Any() || project.GetChangedAdditionalDocuments().Any()
            || project.GetAddedAnalyzerConfigDocuments().Any() || project.GetChangedAnalyzerConfigDocuments().Any()
            || project.OldProject.CompilationOptions != project.NewProject.CompilationOptions
            || project.OldProject.ParseOptions != project.NewProject.ParseOptions).Select(project => project.NewProject.Name).FirstOrDefault();
        return changed is null ? null : $"a change to project {changed} outside its C# documents";
    }

    private async Task<SecurityFinding?> AddedFindingAsync(Project? before, Project after, IReadOnlyList<DocumentId> changed, CancellationToken cancellationToken)
    {
        var paths = changed.Select(id => after.GetDocument(id)?.FilePath ?? after.GetDocument(id)?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var findingsAfter = await Analyzers!.AnalyzeAsync(after, paths, cancellationToken).ConfigureAwait(false);
        if (findingsAfter.Count == 0)
        {
            return null;
        }

        var all = before is null ? [] : await findingsBefore.GetValue(before, project => AllFindingsAsync(project, cancellationToken)).ConfigureAwait(false);
        var remaining = all.Where(finding => paths.Contains(finding.FilePath)).CountBy(Key).ToDictionary();
        foreach (var finding in findingsAfter)
        {
            var count = remaining.GetValueOrDefault(Key(finding));
            if (count == 0)
            {
                return finding;
            }

            remaining[Key(finding)] = count - 1;
        }

        return null;
    }

    // Before any candidate, every document's findings, so that each candidate's own documents can be looked up.
    private Task<IReadOnlyList<SecurityFinding>> AllFindingsAsync(Project project, CancellationToken cancellationToken) =>
        Analyzers!.AnalyzeAsync(project, project.Documents.Select(document => document.FilePath ?? document.Name).ToHashSet(StringComparer.Ordinal), cancellationToken);

    private static (string Id, string FilePath, string Message) Key(SecurityFinding finding) => (finding.Id, finding.FilePath, finding.Message);
}
