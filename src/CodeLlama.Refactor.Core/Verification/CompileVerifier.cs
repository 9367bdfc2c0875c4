using System.Collections.Concurrent;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Verification;

/// <summary>What compiling a candidate showed.</summary>
/// <param name="Accepted">True when the target error is gone and no new error or warning appeared.</param>
/// <param name="Reason">Why it was rejected, else null.</param>
/// <param name="ErrorDelta">Errors after minus errors before, in the compiled scope (negative is better).</param>
/// <param name="EditSize">Characters removed plus inserted.</param>
public sealed record CompileVerdict(bool Accepted, string? Reason, int ErrorDelta, int EditSize);

/// <summary>
/// Verifies candidates by incremental in-memory recompilation of the current solution. An edit that leaves every
/// declaration as it was (only statements and expressions change) can only change the diagnostics of its own file, so
/// only that file is rebound; any other edit recompiles its projects and every project that depends on them.
/// </summary>
/// <param name="current">The solution the candidates were made from.</param>
/// <param name="projectsDiagnosingDocumentation">Projects whose own build reports documentation diagnostics.</param>
public sealed class CompileVerifier(Solution current, IReadOnlySet<ProjectId> projectsDiagnosingDocumentation)
{
    private readonly ConcurrentDictionary<DocumentId, Task<IReadOnlyList<Diagnostic>>> documentsBefore = new();
    private readonly ConcurrentDictionary<ProjectId, Task<IReadOnlyList<Diagnostic>>> projectsBefore = new();

    /// <summary>Compiles <paramref name="candidate"/> and compares its diagnostics with the current solution's.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="target">The error it should remove.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The verdict.</returns>
    public async Task<CompileVerdict> VerifyAsync(Candidate candidate, Diagnostic target, CancellationToken cancellationToken)
    {
        var changes = candidate.Solution.GetChanges(current).GetProjectChanges().ToList();
        var changed = changes.SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
        var editSize = 0;
        var declarationsKept = changes.All(project => !project.GetAddedDocuments().Any() && !project.GetRemovedDocuments().Any()
            && !project.GetAddedMetadataReferences().Any() && !project.GetAddedProjectReferences().Any());
        foreach (var id in changed)
        {
            var before = current.GetDocument(id)!;
            var after = candidate.Solution.GetDocument(id)!;
            if (GeneratedCode.IsGeneratedFileName(before.FilePath)
                || GeneratedCode.IsGenerated((await before.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!, cancellationToken))
            {
                return new CompileVerdict(false, "it edits generated code", 0, 0);
            }

            var oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
            editSize += EditSize(oldText.ToString(), newText.ToString());
            declarationsKept &= SyntaxFactory.AreEquivalent(
                (await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!,
                (await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!,
                topLevel: true);
        }

        var (beforeKeys, afterKeys) = declarationsKept
            ? (await Many(changed.Select(id => documentsBefore.GetOrAdd(id, _ => DocumentKeysAsync(current.GetDocument(id)!, cancellationToken)))).ConfigureAwait(false),
               await Many(changed.Select(id => DocumentKeysAsync(candidate.Solution.GetDocument(id)!, cancellationToken))).ConfigureAwait(false))
            : await ProjectScopeAsync(candidate.Solution, changes.Select(project => project.ProjectId), cancellationToken).ConfigureAwait(false);

        var targetKey = DiagnosticKey.From(target);
        var beforeCounts = beforeKeys.CountBy(DiagnosticKey.From).ToDictionary();
        var afterGroups = afterKeys.GroupBy(DiagnosticKey.From).ToList();
        var errorDelta = afterKeys.Count(IsError) - beforeKeys.Count(IsError);
        if (afterGroups.FirstOrDefault(group => group.Key == targetKey)?.Count() >= beforeCounts.GetValueOrDefault(targetKey))
        {
            return new CompileVerdict(false, "the error is still there", errorDelta, editSize);
        }

        // An error inside the target's own member may have been masked by the target (an expression of error type
        // reports nothing further); the repair reveals it, and the next round repairs it. Anything else that appears,
        // and any net growth of errors, is the candidate's doing.
        var targetMember = MemberIdentity.Of(target);
        var appeared = afterGroups
            .Where(group => group.Count() > beforeCounts.GetValueOrDefault(group.Key))
            .Where(group => !group.Key.IsError || group.Any(diagnostic => MemberIdentity.Of(diagnostic) != targetMember))
            .Select(group => group.Key.Id)
            .ToList();
        if (errorDelta > 0)
        {
            appeared.Add("more errors than before");
        }

        return appeared.Count == 0
            ? new CompileVerdict(true, null, errorDelta, editSize)
            : new CompileVerdict(false, $"it adds {string.Join(", ", appeared.Distinct().Order(StringComparer.Ordinal))}", errorDelta, editSize);
    }

    // Code actions often hand back a whole rewritten document: the size that matters is what differs between the
    // common start and the common end.
    private static int EditSize(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        return before.Length - prefix - suffix + after.Length - prefix - suffix;
    }

    private async Task<(IReadOnlyList<Diagnostic> Before, IReadOnlyList<Diagnostic> After)> ProjectScopeAsync(
        Solution candidate, IEnumerable<ProjectId> changedProjects, CancellationToken cancellationToken)
    {
        var graph = current.GetProjectDependencyGraph();
        var scope = changedProjects
            .SelectMany(id => graph.GetProjectsThatTransitivelyDependOnThisProject(id).Append(id))
            .Distinct()
            .Where(id => current.GetProject(id) is { Language: LanguageNames.CSharp })
            .ToList();
        var before = await Many(scope.Select(id => projectsBefore.GetOrAdd(id, _ => ProjectKeysAsync(current.GetProject(id)!, cancellationToken)))).ConfigureAwait(false);
        var after = await Many(scope.Select(id => ProjectKeysAsync(candidate.GetProject(id)!, cancellationToken))).ConfigureAwait(false);
        return (before, after);
    }

    private async Task<IReadOnlyList<Diagnostic>> DocumentKeysAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return Keys(model!.GetDiagnostics(cancellationToken: cancellationToken), document.Project.Id);
    }

    private async Task<IReadOnlyList<Diagnostic>> ProjectKeysAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return Keys(compilation!.GetDiagnostics(cancellationToken), project.Id);
    }

    private IReadOnlyList<Diagnostic> Keys(IEnumerable<Diagnostic> diagnostics, ProjectId project) =>
        diagnostics
            .Where(diagnostic => diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Where(diagnostic => projectsDiagnosingDocumentation.Contains(project) || !DocumentationDiagnosticIds.All.Contains(diagnostic.Id))
            .ToList();

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static async Task<IReadOnlyList<Diagnostic>> Many(IEnumerable<Task<IReadOnlyList<Diagnostic>>> tasks) =>
        (await Task.WhenAll(tasks).ConfigureAwait(false)).SelectMany(keys => keys).ToList();
}

/// <summary>A diagnostic without its position, which edits shift: id, file and message.</summary>
/// <param name="Id">The diagnostic id.</param>
/// <param name="FilePath">Its file, or "" without one.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="IsError">True for errors, false for warnings.</param>
public sealed record DiagnosticKey(string Id, string FilePath, string Message, bool IsError)
{
    /// <summary>The key of <paramref name="diagnostic"/>.</summary>
    /// <param name="diagnostic">A compiler diagnostic.</param>
    /// <returns>Its key.</returns>
    public static DiagnosticKey From(Diagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Location.SourceTree?.FilePath ?? "",
        diagnostic.GetMessage(),
        diagnostic.Severity == DiagnosticSeverity.Error);
}
