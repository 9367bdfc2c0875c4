using System.Diagnostics;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Repairs a solution's compile errors: the in-memory repair loop, then execution feedback (the tests that depend on
/// the changed projects), then one atomic write per changed file. Only what compiled, and passed the tests, is written.
/// </summary>
public static class FixPipeline
{
    // Each further attempt bans one applied fix and repairs again; every attempt costs a test run.
    private const int MaxTestAttempts = 4;

    /// <summary>Runs <c>fix</c> on <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">Rounds, tests, dry run, extra sources.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is written after cancellation.</param>
    /// <returns>What was repaired and written.</returns>
    public static async Task<FixResult> RunAsync(
        SolutionPath path, FixOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        // The IDE's code fixes need the IDE's services in the workspace they run on.
        using var loaded = await WorkspaceLoader.LoadAsync(path, FeatureHost.Services, progress, cancellationToken).ConfigureAwait(false);
        var loading = stopwatch.Elapsed;
        var result = await RepairAsync(loaded, options, progress, cancellationToken).ConfigureAwait(false);
        return result with { Times = result.Times with { Loading = loading } };
    }

    /// <summary>Repairs an already loaded solution.</summary>
    /// <param name="loaded">The loaded solution, opened with <see cref="FeatureHost.Services"/> so that code fixes can run.</param>
    /// <param name="options">Rounds, tests, dry run, extra sources.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was repaired and written.</returns>
    public static async Task<FixResult> RepairAsync(
        LoadedSolution loaded, FixOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ICandidateSource> sources = [new MissingTokenSource(), new RoslynCodeFixSource(), .. options.ExtraSources ?? []];
        var loop = new RepairLoop(loaded, sources, progress, new SafetyGate(options.AllowedCapabilities));
        var repairing = Stopwatch.StartNew();
        var banned = new HashSet<AppliedFix>();
        var outcome = await loop.RunAsync(options.MaxIterations, banned, cancellationToken).ConfigureAwait(false);
        repairing.Stop();

        var testing = Stopwatch.StartNew();
        TestOutcome? tests = null;
        for (var attempt = 1; options.Tests == TestMode.Auto && outcome.Applied.Count > 0; attempt++)
        {
            var changed = await ChangedAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
            var testProjects = TestRunner.AffectedTestProjects(outcome.Solution, changed.Select(edit => edit.ProjectId).Distinct());
            if (testProjects.Count == 0 || (await RemainingAsync(loaded, outcome.Solution, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                break;
            }

            progress?.Report(new WorkProgress("Testing", attempt, MaxTestAttempts, string.Join(", ", testProjects.Select(project => project.Name))));
            tests = await TestRunner.RunAsync(
                loaded.RootDirectory,
                changed.Select(edit => (edit.Edit.FilePath, edit.Edit.Updated.ToString())).ToList(),
                testProjects,
                options.EffectiveTestTimeout,
                cancellationToken).ConfigureAwait(false);
            if (tests.Succeeded || attempt == MaxTestAttempts)
            {
                break;
            }

            // Some fix compiled but is wrong: ban the least certain one still in use (the least preferred kind, then
            // the last applied) and repair again, so that the next-ranked candidate takes its place.
            var suspect = outcome.Applied.Where(fix => !banned.Contains(fix))
                .Select((fix, order) => (Fix: fix, Order: order))
                .OrderByDescending(entry => entry.Fix.Preference)
                .ThenByDescending(entry => entry.Order)
                .Select(entry => entry.Fix)
                .FirstOrDefault();
            if (suspect is null)
            {
                break;
            }

            banned.Add(suspect);
            outcome = await loop.RunAsync(options.MaxIterations, banned, cancellationToken).ConfigureAwait(false);
        }

        testing.Stop();
        var testsRejected = tests is { Succeeded: false } && !options.AllowFailingTests;
        var edits = testsRejected ? [] : await ChangedAsync(loaded.Solution, outcome.Solution, cancellationToken).ConfigureAwait(false);
        var writing = Stopwatch.StartNew();
        var files = Write(loaded, edits.Select(edit => edit.Edit).ToList(), options.DryRun);
        writing.Stop();

        var final = testsRejected ? loaded.Solution : WithoutConflicts(outcome.Solution, loaded, edits, files);
        var records = testsRejected
            ? outcome.Records.Select(record => record.Status == FixStatus.Fixed ? record with { Status = FixStatus.RejectedByTests } : record).ToList()
            : outcome.Records;
        return new FixResult(
            loaded.RootDirectory,
            records,
            await RemainingAsync(loaded, final, cancellationToken).ConfigureAwait(false),
            files,
            outcome.Iterations,
            tests,
            new FixTimes(TimeSpan.Zero, repairing.Elapsed, testing.Elapsed, writing.Elapsed),
            loaded.Diagnostics);
    }

    private static IReadOnlyList<FileOutcome> Write(LoadedSolution loaded, IReadOnlyList<FileEdit> edits, bool dryRun)
    {
        var conflicts = dryRun || edits.Count == 0
            ? new HashSet<string>()
            : AtomicFileWriter.WriteAll(edits).Conflicts.ToHashSet(StringComparer.Ordinal);
        return edits.Select(edit => new FileOutcome(
                edit.FilePath,
                dryRun ? FileStatus.DryRun : conflicts.Contains(edit.FilePath) ? FileStatus.Conflict : FileStatus.Written,
                loaded.RelativePath(edit.FilePath),
                edit,
                conflicts.Contains(edit.FilePath) ? "the file changed on disk since it was loaded" : null))
            .ToList();
    }

    private static Solution WithoutConflicts(
        Solution repaired, LoadedSolution loaded, IReadOnlyList<(ProjectId ProjectId, DocumentId DocumentId, FileEdit Edit)> edits, IReadOnlyList<FileOutcome> files)
    {
        var conflicts = files.Where(file => file.Status == FileStatus.Conflict).Select(file => file.FilePath).ToHashSet(StringComparer.Ordinal);
        return edits.Where(edit => conflicts.Contains(edit.Edit.FilePath))
            .Aggregate(repaired, (solution, edit) => solution.WithDocumentText(edit.DocumentId, edit.Edit.Original));
    }

    private static async Task<IReadOnlyList<(ProjectId ProjectId, DocumentId DocumentId, FileEdit Edit)>> ChangedAsync(
        Solution original, Solution repaired, CancellationToken cancellationToken)
    {
        var edits = new List<(ProjectId, DocumentId, FileEdit)>();
        foreach (var id in repaired.GetChanges(original).GetProjectChanges().SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)))
        {
            var before = original.GetDocument(id)!;
            var after = repaired.GetDocument(id)!;
            edits.Add((id.ProjectId, id, new FileEdit(
                before.FilePath!,
                await before.GetTextAsync(cancellationToken).ConfigureAwait(false),
                await after.GetTextAsync(cancellationToken).ConfigureAwait(false))));
        }

        return edits;
    }

    private static async Task<IReadOnlyList<CompileError>> RemainingAsync(LoadedSolution loaded, Solution solution, CancellationToken cancellationToken)
    {
        var errors = new List<CompileError>();
        foreach (var project in solution.Projects.Where(project => project.Language == LanguageNames.CSharp))
        {
            errors.AddRange(await CompileErrorFinder.FindAsync(project, loaded.ProjectsDiagnosingDocumentation.Contains(project.Id), cancellationToken).ConfigureAwait(false));
        }

        return CompileErrorFinder.Order(errors);
    }
}
