using System.Collections.Concurrent;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Verifies candidates by incremental in-memory recompilation of the current solution, in every Roslyn project that
/// compiles a changed file (each target framework, each project linking it), with that project's own preprocessor
/// symbols and severities. An edit that leaves every declaration as it was (only statements and expressions change) can
/// only change the diagnostics of its own documents, so only those are rebound; any other edit is checked in its own
/// documents first, and only when they show nothing added are the projects that hold it recompiled, with every
/// project that depends on them where their reference assembly changed.
/// </summary>
/// <param name="current">The solution the candidates were made from.</param>
/// <param name="documentationBuilt">Projects whose own build reports documentation diagnostics.</param>
public sealed class CompileVerifier(Solution current, IReadOnlySet<ProjectId> documentationBuilt)
{
    private readonly ConcurrentDictionary<DocumentId, Task<IReadOnlyList<Diagnostic>>> documentsBefore = new();
    private readonly ConcurrentDictionary<ProjectId, Task<IReadOnlyList<Diagnostic>>> projectsBefore = new();
    private readonly ConcurrentDictionary<ProjectId, Task<byte[]?>> surfacesBefore = new();

    /// <summary>
    /// Compiles <paramref name="candidate"/> and compares its diagnostics with the current solution's. The candidate's
    /// solution must already carry its edits to every document of the edited files (<see cref="LinkedDocuments"/>).
    /// </summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="target">The error it should remove.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The verdict.</returns>
    public async Task<CompileVerdict> VerifyAsync(Candidate candidate, BuildError target, CancellationToken cancellationToken)
    {
        var changes = candidate.Solution.GetChanges(current).GetProjectChanges().ToList();
        // Edits are written as file texts: a candidate that adds or removes documents or references changes the project,
        // which no write here carries, so what compiled in memory would not be what builds on disk. So does one that edits
        // an .editorconfig or the compilation options (warnings or the nullable context turned off, say).
        if (changes.Any(project => !ProjectShape.CanBeWrittenAsTexts(project)))
        {
            return CompileVerdict.Refused(Verdict.ChangesProject);
        }

        var changed = changes.SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
        var editSize = 0;
        var targetEdit = default(TextSpan?);
        // A project given back its generators (the edit names one of their attributes) compiles other code: all of it is compared.
        var declarationsKept = !changes.Any(project => project.GetAddedAnalyzerReferences().Any());
        foreach (var id in changed)
        {
            var before = current.GetDocument(id)!;
            var after = candidate.Solution.GetDocument(id)!;
            if (GeneratedCode.IsGeneratedFileName(before.FilePath)
                || GeneratedCode.IsGenerated((await before.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!, cancellationToken))
            {
                return CompileVerdict.Refused(Verdict.EditsGeneratedCode);
            }

            var oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
            // Code actions often hand back a whole rewritten document: what matters is what differs. Linked copies of one
            // file count once.
            var (edited, size) = ChangedSpan.Between(oldText.ToString(), newText.ToString());
            editSize = Math.Max(editSize, size);
            if (id == target.Document!.Id)
            {
                targetEdit = edited;
            }

            declarationsKept &= DeclarationEquivalence.AreKept(
                (await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!,
                (await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        }

        // The edited documents first: what they report after an edit of declarations is part of what their projects
        // report, so a diagnostic they add (or the target left) refuses the candidate without compiling the projects.
        var (compiled, beforeDiagnostics, afterDiagnostics) =
            await DocumentScopeAsync(candidate.Solution, changed.Append(target.Document!.Id).Distinct(), declarationsKept ? target : null, cancellationToken).ConfigureAwait(false);
        var verdict = Compare(target, targetEdit, beforeDiagnostics, afterDiagnostics, editSize) with { Compiled = compiled };
        if (!declarationsKept && verdict.Accepted)
        {
            (compiled, beforeDiagnostics, afterDiagnostics) =
                await ProjectScopeAsync(candidate.Solution, changes.Select(project => project.ProjectId), cancellationToken).ConfigureAwait(false);
            verdict = Compare(target, targetEdit, beforeDiagnostics, afterDiagnostics, editSize) with { Compiled = compiled };
        }

        return verdict.Accepted && await NeverAFix.FindAsync(current, candidate.Solution, changed, target.Document!.Id, cancellationToken).ConfigureAwait(false) is { } never
            ? verdict with { Outcome = never.Outcome, Detail = never.Detail }
            : verdict;
    }

    private static CompileVerdict Compare(
        BuildError target, TextSpan? targetEdit, IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> before, IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> after, int editSize)
    {
        var targetKey = (target.Project.Id, DiagnosticKey.From(target.Diagnostic));
        var beforeCounts = before.CountBy(entry => (entry.Project, DiagnosticKey.From(entry.Diagnostic))).ToDictionary();
        var afterGroups = after.GroupBy(entry => (entry.Project, DiagnosticKey.From(entry.Diagnostic))).ToList();
        var errorDelta = after.Count(entry => IsError(entry.Diagnostic)) - before.Count(entry => IsError(entry.Diagnostic));
        if (afterGroups.FirstOrDefault(group => group.Key == targetKey)?.Count() >= beforeCounts.GetValueOrDefault(targetKey))
        {
            return new CompileVerdict(Verdict.TargetRemains, [], errorDelta, editSize);
        }

        // An error inside the target's own member may have been masked by the target (an expression of error type
        // reports nothing further); the repair reveals it, and the next round repairs it. An error on the edited text
        // itself was not masked but made (a misspelling swapped for another), and anything else that appears, in any
        // project, and any net growth of errors, is the candidate's doing.
        var targetMember = MemberIdentity.Of(target.Diagnostic);
        bool Revealed(Diagnostic diagnostic) =>
            MemberIdentity.Of(diagnostic) == targetMember
            && !(targetEdit is { } edit && diagnostic.Location.SourceTree?.FilePath == target.Diagnostic.Location.SourceTree?.FilePath
                && diagnostic.Location.SourceSpan.IntersectsWith(edit));
        var appeared = afterGroups
            .Where(group => group.Count() > beforeCounts.GetValueOrDefault(group.Key))
            .Where(group => !group.Key.Item2.IsError || group.Key.Project != target.Project.Id
                || group.Any(entry => !Revealed(entry.Diagnostic)))
            .Select(group => $"{group.Key.Item2.Id} in {target.Project.Solution.GetProject(group.Key.Project)?.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (errorDelta > 0 && appeared.Count == 0)
        {
            appeared.Add("more errors than before");
        }

        return new CompileVerdict(appeared.Count == 0 ? Verdict.Accepted : Verdict.AddsDiagnostics, appeared, errorDelta, editSize);
    }

    // The diagnostics of the documents, before and after. Where the edit keeps every declaration (memberTarget is the
    // target then) and changes one member of a document (EditedMember), only that member's are compared: the rest of the
    // document reports what it did. A document whose target lies outside that member is compared whole, so that the
    // target is seen to remain.
    private async Task<(IReadOnlyList<ProjectId> Compiled, IReadOnlyList<(ProjectId, Diagnostic)> Before, IReadOnlyList<(ProjectId, Diagnostic)> After)> DocumentScopeAsync(
        Solution candidate, IEnumerable<DocumentId> documents, BuildError? memberTarget, CancellationToken cancellationToken)
    {
        var ids = documents.ToList();
        var before = new List<(ProjectId Project, Task<IReadOnlyList<Diagnostic>> Diagnostics)>();
        var after = new List<(ProjectId Project, Task<IReadOnlyList<Diagnostic>> Diagnostics)>();
        foreach (var id in ids)
        {
            var (old, @new) = (current.GetDocument(id)!, candidate.GetDocument(id)!);
            var member = memberTarget is not null && old != @new ? await EditedMember.FindAsync(old, @new, cancellationToken).ConfigureAwait(false) : null;
            if (member is not null && id == memberTarget!.Document!.Id && !member.Before.FullSpan.Contains(memberTarget.Diagnostic.Location.SourceSpan))
            {
                member = null;
            }

            before.Add((id.ProjectId, member is null
                ? documentsBefore.GetOrAdd(id, _ => DocumentDiagnosticsAsync(old, null, cancellationToken))
                : DocumentDiagnosticsAsync(old, member.Before.FullSpan, cancellationToken)));
            after.Add((id.ProjectId, DocumentDiagnosticsAsync(@new, member?.After.FullSpan, cancellationToken)));
        }

        return (ids.Select(id => id.ProjectId).Distinct().ToList(), await Many(before).ConfigureAwait(false), await Many(after).ConfigureAwait(false));
    }

    private async Task<(IReadOnlyList<ProjectId> Compiled, IReadOnlyList<(ProjectId, Diagnostic)> Before, IReadOnlyList<(ProjectId, Diagnostic)> After)> ProjectScopeAsync(
        Solution candidate, IEnumerable<ProjectId> changedProjects, CancellationToken cancellationToken)
    {
        var graph = current.GetProjectDependencyGraph();
        var scope = new List<ProjectId>();
        foreach (var id in changedProjects)
        {
            scope.Add(id);
            // What other projects see of a project is its reference assembly: while that stays byte for byte the same,
            // their diagnostics cannot change (the rule MSBuild's incremental build relies on to skip them).
            if (await SurfaceChangedAsync(candidate, id, cancellationToken).ConfigureAwait(false))
            {
                scope.AddRange(graph.GetProjectsThatTransitivelyDependOnThisProject(id));
            }
        }

        scope = scope.Distinct().Where(id => current.GetProject(id) is { Language: LanguageNames.CSharp }).ToList();
        var before = await Many(scope.Select(id => (id, projectsBefore.GetOrAdd(id, _ => ProjectDiagnosticsAsync(current.GetProject(id)!, cancellationToken)))))
            .ConfigureAwait(false);
        var after = await Many(scope.Select(id => (id, ProjectDiagnosticsAsync(candidate.GetProject(id)!, cancellationToken)))).ConfigureAwait(false);
        return (scope, before, after);
    }

    private async Task<bool> SurfaceChangedAsync(Solution candidate, ProjectId id, CancellationToken cancellationToken)
    {
        if (current.GetProject(id) is not { Language: LanguageNames.CSharp } before || candidate.GetProject(id) is not { } after)
        {
            return true;
        }

        var surfaceBefore = await surfacesBefore.GetOrAdd(id, _ => SurfaceAsync(before, cancellationToken)).ConfigureAwait(false);
        var surfaceAfter = await SurfaceAsync(after, cancellationToken).ConfigureAwait(false);
        return surfaceBefore is null || surfaceAfter is null || !surfaceBefore.AsSpan().SequenceEqual(surfaceAfter);
    }

    // The project's reference assembly, or null when it cannot be told: its declarations do not emit, or its emit is
    // not deterministic (two emits of the same code would differ).
    private static async Task<byte[]?> SurfaceAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || !compilation.Options.Deterministic)
        {
            return null;
        }

        return ReferenceAssembly.Emit(compilation, cancellationToken);
    }

    private async Task<IReadOnlyList<Diagnostic>> DocumentDiagnosticsAsync(Document document, TextSpan? span, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return Reported(model!.GetDiagnostics(span, cancellationToken), document.Project.Id);
    }

    private async Task<IReadOnlyList<Diagnostic>> ProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return Reported(compilation!.GetDiagnostics(cancellationToken), project.Id);
    }

    private IReadOnlyList<Diagnostic> Reported(IEnumerable<Diagnostic> diagnostics, ProjectId project) =>
        diagnostics.Where(diagnostic => BuildErrors.IsReported(diagnostic, documentationBuilt.Contains(project))).ToList();

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static async Task<IReadOnlyList<(ProjectId, Diagnostic)>> Many(IEnumerable<(ProjectId Project, Task<IReadOnlyList<Diagnostic>> Diagnostics)> tasks)
    {
        var list = tasks.ToList();
        var results = await Task.WhenAll(list.Select(entry => entry.Diagnostics)).ConfigureAwait(false);
        return list.Zip(results).SelectMany(entry => entry.Second.Select(diagnostic => (entry.First.Project, diagnostic))).ToList();
    }
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
