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
        using var loaded = await WorkspaceLoader.LoadAsync(path, options.Loading, progress: progress, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var result = await DocumentAsync(loaded, options, progress, cancellationToken).ConfigureAwait(false);
        return result with { Elapsed = stopwatch.Elapsed };
    }

    /// <summary>Documents an already loaded solution (for callers that time loading separately).</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="options">Scope, text source and dry run.</param>
    /// <param name="progress">Receives documenting progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was documented and written.</returns>
    public static async Task<DocResult> DocumentAsync(
        LoadedSolution loaded,
        DocOptions options,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var textSource = options.TextSource ?? new TemplateDocText();
        var scope = await DocScope.CreateAsync(loaded, options, cancellationToken).ConfigureAwait(false);

        var done = 0;
        async Task<DocumentedFile> DocumentOneAsync(DocFile file)
        {
            var documented = await DocumentFileAsync(file, scope, textSource, cancellationToken).ConfigureAwait(false);
            progress?.Report(new WorkProgress("Documenting", Interlocked.Increment(ref done), scope.Files.Count, file.Document.Name));
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
        var edits = files.Where(file => file.Updated is not null).Select(file => (Before: file.Document, Updated: file.Updated!)).ToList();

        var (outcomes, verifier, recovered) = await VerifyAndWriteAsync(loaded, edits, options.DryRun, cancellationToken).ConfigureAwait(false);
        var rejected = outcomes.Where(outcome => outcome.Status is not (FileStatus.Written or FileStatus.DryRun))
            .Select(outcome => outcome.FilePath).ToHashSet(StringComparer.Ordinal);
        var rejectedIds = edits.Where(edit => rejected.Contains(edit.Before.FilePath!)).Select(edit => edit.Before.Id).ToHashSet();
        var remaining = await scope.UndocumentedAsync(
            project => edits.Any(edit => edit.Before.Project.Id == project.Id)
                ? verifier.FinalAsync(project.Id, rejectedIds, cancellationToken)
                : DocScope.AsLoadedAsync(project, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var (errors, excludedErrors) = await DocBuildErrors.AfterAsync(
            loaded, options.Files, edits.Where(edit => !rejectedIds.Contains(edit.Before.Id)), cancellationToken).ConfigureAwait(false);

        return new DocResult(
            loaded.RootDirectory,
            new Coverage(scope.Total - scope.UndocumentedBefore, scope.Total),
            new Coverage(scope.Total - remaining.Count, scope.Total),
            members.Where(member => !rejected.Contains(member.FilePath)).ToList(),
            outcomes,
            remaining,
            stopwatch.Elapsed,
            [.. loaded.Diagnostics, .. recovered]) { Errors = errors, ExcludedErrors = excludedErrors };
    }

    private static async Task<DocumentedFile> DocumentFileAsync(
        DocFile file,
        DocScope scope,
        IDocTextSource textSource,
        CancellationToken cancellationToken)
    {
        var document = file.Document;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>();
        var members = new List<DocumentedMember>();

        // In file order, so that a model's prompt for the next member extends the one before.
        foreach (var (symbol, declaration) in file.Targets.OrderBy(target => target.Declaration.SpanStart))
        {
            var draft = new DocDraft(root!, text, declaration);
            var existing = ExistingComment(declaration);
            var plan = DocPlan.For(
                symbol, declaration, model, scope.IsDocumentedOrInScope, cancellationToken, inheritWhenPossible: existing is null);
            var (change, added) = existing is null
                ? await NewCommentAsync(draft, plan, textSource, cancellationToken).ConfigureAwait(false)
                : await CompletionAsync(existing, draft, plan, textSource, cancellationToken).ConfigureAwait(false);
            if (change is { } accepted)
            {
                changes.Add(accepted);
                members.Add(new DocumentedMember(
                    symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                    SymbolKinds.Describe(symbol),
                    document.FilePath!,
                    text.Lines.GetLineFromPosition(declaration.GetFirstToken().SpanStart).LineNumber + 1,
                    added,
                    existing is not null));
            }
        }

        return new DocumentedFile(document, changes.Count == 0 ? null : text.WithChanges(changes), members);
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

    private static async Task<(IReadOnlyList<FileOutcome> Outcomes, DocumentationVerifier Verifier, IReadOnlyList<LoadDiagnostic> Recovered)> VerifyAndWriteAsync(
        LoadedSolution loaded, IReadOnlyList<(Document Before, SourceText Updated)> edits, bool dryRun, CancellationToken cancellationToken)
    {
        var verifier = new DocumentationVerifier(loaded.Solution, edits.ToDictionary(edit => edit.Before.Id, edit => edit.Updated));
        var reasons = await verifier.VerifyAllAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<FileOutcome>();
        var verified = new List<FileEdit>();
        foreach (var (before, updated) in edits)
        {
            var edit = new FileEdit(before.FilePath!, await before.GetTextAsync(cancellationToken).ConfigureAwait(false), updated);
            var reason = reasons[before.Id];
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
/// <param name="Document">The document as loaded.</param>
/// <param name="Updated">Its text with the comments, or null.</param>
/// <param name="Members">What was added to each member.</param>
internal sealed record DocumentedFile(Document Document, SourceText? Updated, IReadOnlyList<DocumentedMember> Members);
