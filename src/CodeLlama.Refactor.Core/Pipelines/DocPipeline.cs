using System.Collections.Concurrent;
using System.Diagnostics;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Documents every member in scope: new comments for undocumented members, missing param/typeparam/returns tags for
/// documented ones; each file's edit is verified before anything is written, and code is never touched.
/// </summary>
public static class DocPipeline
{
    /// <summary>Runs <c>doc</c> on <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">Scope, text source and dry run.</param>
    /// <param name="progress">Receives loading and documenting progress.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is written after cancellation.</param>
    /// <returns>What was documented and written.</returns>
    public static async Task<DocResult> RunAsync(
        SolutionPath path,
        DocOptions options,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        using var opened = await WorkspaceLoader.LoadAsync(path, options.Loading, progress: progress, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        // Doc's build check counts errors only: the analysis whose warnings cannot be errors is left out (see ErrorsOnlyAnalysis).
        var loaded = opened with { Solution = ErrorsOnlyAnalysis.Apply(opened.Solution) };
        var result = await DocumentAsync(loaded, options, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result with { Elapsed = stopwatch.Elapsed };
    }

    /// <summary>Documents an already loaded solution (for callers that time loading separately).</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="options">Scope, text source and dry run.</param>
    /// <param name="progress">Receives documenting progress.</param>
    /// <param name="asLoaded">
    /// The build check of the solution as loaded (every method body bound, as <c>check</c> does), when the caller has
    /// started it; otherwise it starts here and runs while the members are documented.
    /// </param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was documented and written.</returns>
    public static async Task<DocResult> DocumentAsync(
        LoadedSolution loaded,
        DocOptions options,
        IProgress<WorkProgress>? progress = null,
        SolutionDiagnosis? asLoaded = null,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        // Doc's exit code says whether the solution builds, and only binding every method body tells: that runs from the
        // start, beside the documenting, and the comments are verified without it (a comment changes no code).
        var diagnosis = asLoaded ?? new SolutionDiagnosis(loaded.Solution, cancellationToken).StartAll();
        var textSource = options.TextSource ?? new TemplateDocText();
        var scope = await DocScope.CreateAsync(loaded, options, cancellationToken).ConfigureAwait(false);

        var done = 0;
        async Task<DocumentedFile> DocumentOneAsync(DocFile file)
        {
            var documented = await DocumentFileAsync(file, scope, textSource, cancellationToken).ConfigureAwait(false);
            progress?.Report(new WorkProgress("Documenting", Interlocked.Increment(ref done), scope.Files.Count, Path.GetFileName(file.FilePath)));
            return documented;
        }

        var files = new List<DocumentedFile>();
        // The template reads nothing but the symbol, so files are documented in parallel; any other source is asked in
        // file order, element after element, so that a model's cached prompt is extended rather than rebuilt.
        if (textSource is not TemplateDocText)
        {
            // Each file's elements go in order (its prompts extend each other); up to FilesInFlight files go at once, so
            // an endpoint's parallel requests or the engine's slots are kept busy.
            using var inFlight = new SemaphoreSlim(textSource is IFilesInFlight parallel ? Math.Max(1, parallel.FilesInFlight) : 1);
            files.AddRange(await Task.WhenAll(scope.Files.Select(async file =>
            {
                await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await DocumentOneAsync(file).ConfigureAwait(false);
                }
                finally
                {
                    inFlight.Release();
                }
            })).ConfigureAwait(false));
        }
        else
        {
            files.AddRange(await Task.WhenAll(scope.Files.Select(file =>
                Task.Run(() => DocumentOneAsync(file), cancellationToken))).ConfigureAwait(false));
        }

        var members = files.SelectMany(file => file.Members).ToList();
        var edits = files.Where(file => file.Updated is not null).Select(file => (file.File, Updated: file.Updated!)).ToList();

        progress?.Report(new WorkProgress("Verifying", edits.Count, 0, "edited files"));
        var (outcomes, verifier, recovered) = await VerifyAndWriteAsync(loaded, edits, options.DryRun, cancellationToken).ConfigureAwait(false);
        // Once files are written, a cancellation in what follows says which files were written.
        return await new WrittenEdits(outcomes, recovered).ThenAsync(async () =>
        {
            progress?.Report(new WorkProgress("Checking the result", loaded.Projects.Count(), 0, "projects"));
            var rejected = outcomes.Where(outcome => outcome.Status is not (FileStatus.Written or FileStatus.DryRun))
                .Select(outcome => outcome.FilePath).ToHashSet(StringComparer.Ordinal);
            var rejectedIds = edits.Where(edit => rejected.Contains(edit.File.FilePath))
                .SelectMany(edit => edit.File.DocumentIds).ToHashSet();
            var editedProjects = edits.SelectMany(edit => edit.File.DocumentIds).Select(id => id.ProjectId).ToHashSet();
            // Each edited project's compilation with the accepted edits is made once, and serves the members left
            // undocumented; the diagnostics that verified it are its build errors.
            var finals = new ConcurrentDictionary<ProjectId, Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)>>();
            Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)> Final(Project project) =>
                finals.GetOrAdd(project.Id, _ => verifier.FinalAsync(project.Id, rejectedIds, cancellationToken));
            var remaining = await scope.UndocumentedAsync(
                project => editedProjects.Contains(project.Id) ? Final(project) : DocScope.AsLoadedAsync(project, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var (errors, excludedErrors) = await DocBuildErrors.AfterAsync(
                loaded,
                options.Files,
                async (project, token) =>
                {
                    if (!editedProjects.Contains(project.Id))
                    {
                        return await diagnosis.Of(project.Id).ConfigureAwait(false);
                    }

                    var final = (await Final(project).ConfigureAwait(false)).Compilation;
                    return (final, await verifier.DiagnosedAsync(project.Id, final, diagnosis.Of(project.Id), token).ConfigureAwait(false));
                },
                cancellationToken).ConfigureAwait(false);

            return new DocResult(
                loaded.RootDirectory,
                new Coverage(scope.Total - scope.UndocumentedBefore, scope.Total),
                new Coverage(scope.Total - remaining.Count, scope.Total),
                members.Where(member => !rejected.Contains(member.FilePath)).ToList(),
                outcomes,
                remaining,
                stopwatch.Elapsed,
                [.. loaded.Diagnostics, .. recovered],
                files.SelectMany(file => file.Skipped).ToList())
            {
                Errors = errors,
                ExcludedErrors = excludedErrors,
                FilesBeyondBuild = loaded.Projects.Where(project => !loaded.ProjectsDiagnosingDocumentation.Contains(project.Id))
                    .SelectMany(project => project.Documents).Select(document => document.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal),
            };
        }).ConfigureAwait(false);
    }

    private static async Task<DocumentedFile> DocumentFileAsync(
        DocFile file,
        DocScope scope,
        IDocTextSource textSource,
        CancellationToken cancellationToken)
    {
        // Every target framework's document of the file has the same text; each member is read in the tree of a target
        // that declares it, so that a member under an #if inactive in one target is read where it is active.
        var text = await file.Targets[0].Document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var models = new Dictionary<DocumentId, SemanticModel>();
        var changes = new List<TextChange>();
        var members = new List<DocumentedMember>();
        var skipped = new List<SkippedMember>();

        // In file order, so that a model's prompt for the next member extends the one before.
        foreach (var (symbol, declaration, document, _) in file.Targets.OrderBy(target => target.Key.Position))
        {
            if (!models.TryGetValue(document.Id, out var model))
            {
                models[document.Id] = model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var root = await declaration.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var draft = new DocDraft(root, text, declaration);
            var existing = ExistingComment(declaration);
            var plan = DocPlan.For(
                symbol, declaration, model, scope.IsDocumentedOrInScope, cancellationToken, inheritWhenPossible: existing is null);
            var (change, added) = existing is null
                ? await NewCommentAsync(draft, plan, textSource, cancellationToken).ConfigureAwait(false)
                : await CompletionAsync(existing, draft, plan, textSource, cancellationToken).ConfigureAwait(false);
            var name = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            var line = text.Lines.GetLineFromPosition(declaration.GetFirstToken().SpanStart).LineNumber + 1;
            if (change is { } accepted)
            {
                changes.Add(accepted);
                members.Add(new DocumentedMember(
                    name,
                    SymbolKinds.Describe(symbol),
                    file.FilePath,
                    line,
                    added,
                    existing is not null,
                    existing is null ? scope.MissingCommentId(document.Project) : CompletionLabel(existing, added)));
            }
            else if (added.Count > 0)
            {
                skipped.Add(new SkippedMember(name, SymbolKinds.Describe(symbol), file.FilePath, line, SkipReason(existing)));
            }
        }

        // Members taken from different targets' trees come in the order of their names; their insertions go in text order.
        var ordered = changes.OrderBy(change => change.Span.Start).ToList();
        return new DocumentedFile(file, ordered.Count == 0 ? null : text.WithChanges(ordered), members, skipped);
    }

    private static async Task<(TextChange? Change, IReadOnlyList<string> Added)> NewCommentAsync(
        DocDraft draft, DocPlan plan, IDocTextSource textSource, CancellationToken cancellationToken)
    {
        TextChange? Render(IReadOnlyList<DocCommentWriter.FilledElement> elements) =>
            DocCommentWriter.NewComment(draft.Declaration, draft.Text, plan.InheritDoc, elements);
        var filled = await DocFiller.FillAsync(plan.Elements, draft, null, textSource, cancellationToken).ConfigureAwait(false);
        var change = Render(filled);
        return (change, plan.InheritDoc ? ["inheritdoc"] : plan.Elements.Select(Describe).ToList());
    }

    private static async Task<(TextChange? Change, IReadOnlyList<string> Added)> CompletionAsync(
        DocumentationCommentTriviaSyntax existing,
        DocDraft draft,
        DocPlan plan,
        IDocTextSource textSource,
        CancellationToken cancellationToken)
    {
        if (DocCommentWriter.HasElement(existing, "inheritdoc") || DocCommentWriter.HasElement(existing, "include"))
        {
            return (null, []);
        }

        var parameters = DocCommentWriter.DocumentedNames(existing, "param");
        var typeParameters = DocCommentWriter.DocumentedNames(existing, "typeparam");
        var hasReturns = DocCommentWriter.HasElement(existing, "returns");
        var missing = plan.Elements.Where(element => element.Kind switch
        {
            DocElementKind.Param => !parameters.Contains(element.Name!),
            DocElementKind.TypeParam => !typeParameters.Contains(element.Name!),
            DocElementKind.Returns => !hasReturns,
            _ => false,
        }).ToList();
        TextChange? Render(IReadOnlyList<DocCommentWriter.FilledElement> elements) =>
            DocCommentWriter.CompleteComment(existing, draft.Declaration, draft.Text, elements);
        var filled = await DocFiller.FillAsync(missing, draft, existing, textSource, cancellationToken).ConfigureAwait(false);
        return (Render(filled), missing.Select(Describe).ToList());
    }

    // Each file's new text goes to every document of the file (one per target framework and project that compiles it),
    // and the file is written only when the edit is proven in all of them.
    private static async Task<(IReadOnlyList<FileOutcome> Outcomes, DocumentationVerifier Verifier, IReadOnlyList<LoadDiagnostic> Recovered)> VerifyAndWriteAsync(
        LoadedSolution loaded, IReadOnlyList<(DocFile File, SourceText Updated)> edits, bool dryRun, CancellationToken cancellationToken)
    {
        var verifier = new DocumentationVerifier(loaded.Solution, edits
            .SelectMany(edit => edit.File.DocumentIds.Select(id => (Id: id, edit.Updated)))
            .ToDictionary(entry => entry.Id, entry => entry.Updated));
        var reasons = await verifier.VerifyAllAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<FileOutcome>();
        var verified = new List<FileEdit>();
        foreach (var (file, updated) in edits)
        {
            var original = await file.First(loaded.Solution).GetTextAsync(cancellationToken).ConfigureAwait(false);
            var edit = new FileEdit(file.FilePath, original, updated);
            var reason = file.DocumentIds
                .Where(id => reasons[id] is not null)
                .Select(id => file.DocumentIds.Count > 1 ? $"{reasons[id]} (in {loaded.Solution.GetProject(id.ProjectId)!.Name})" : reasons[id])
                .FirstOrDefault();
            outcomes.Add(new FileOutcome(
                reason is null ? FileStatus.DryRun : FileStatus.Rejected, loaded.RelativePath(edit.FilePath), edit, reason));
            if (reason is null)
            {
                verified.Add(edit);
            }
        }

        var written = await VerifiedEdits.WriteAsync(loaded.RootDirectory, verified, dryRun, cancellationToken).ConfigureAwait(false);
        var byPath = written.Files.ToDictionary(file => file.FilePath, StringComparer.Ordinal);
        return (outcomes.Select(outcome => outcome.Status == FileStatus.DryRun ? byPath[outcome.FilePath] : outcome).ToList(), verifier, written.Recovered);
    }

    // The diagnostic the compiler reports for an incomplete comment: CS1573 for a parameter without a tag where others
    // have one, CS1712 likewise for a type parameter; an addition the compiler does not ask for (returns, value, a
    // parameter of a comment that documents none) is labelled with the tool's own rule.
    private static string CompletionLabel(DocumentationCommentTriviaSyntax existing, IReadOnlyList<string> added)
    {
        if (added.Any(item => item.StartsWith("param ", StringComparison.Ordinal)) && DocCommentWriter.DocumentedNames(existing, "param").Count > 0)
        {
            return DocumentedMember.MissingParamTag;
        }

        return added.Any(item => item.StartsWith("typeparam ", StringComparison.Ordinal)) && DocCommentWriter.DocumentedNames(existing, "typeparam").Count > 0
            ? DocumentedMember.MissingTypeParamTag
            : DocumentedMember.IncompleteComment;
    }

    private static string SkipReason(DocumentationCommentTriviaSyntax? existing) => existing is null
        ? "not written: declared mid-line after code that cannot be moved safely"
        : "not completed: its comment is a /** */ block, which doc does not edit";

    private static DocumentationCommentTriviaSyntax? ExistingComment(SyntaxNode declaration)
    {
        DocumentationCommentTriviaSyntax? last = null;
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            if (trivia.HasStructure && trivia.GetStructure() is DocumentationCommentTriviaSyntax comment)
            {
                last = comment;
            }
        }

        return last;
    }

    private static string Describe(DocElement element) => element.Kind switch
    {
        DocElementKind.Param or DocElementKind.TypeParam or DocElementKind.Exception =>
            $"{element.Kind.ToString().ToLowerInvariant()} {element.Name}",
        _ => element.Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>One file after documenting: its new text (null when nothing changed) and what was added to each member.</summary>
/// <param name="File">The file and its documents as loaded.</param>
/// <param name="Updated">Its text with the comments, or null.</param>
/// <param name="Members">What was added to each member.</param>
/// <param name="Skipped">Members that needed a comment and could not be given one, with the reason.</param>
internal sealed record DocumentedFile(DocFile File, SourceText? Updated, IReadOnlyList<DocumentedMember> Members, IReadOnlyList<SkippedMember> Skipped);
