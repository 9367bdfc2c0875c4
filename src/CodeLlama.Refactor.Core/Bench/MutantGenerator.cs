using System.Globalization;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Bench;

/// <summary>How many mutants of which kinds, and the seed that places them.</summary>
/// <param name="Count">How many mutants in all, shared among the kinds (the first kinds take one more when it does not divide).</param>
/// <param name="Kinds">The kinds, in report order.</param>
/// <param name="Seed">Places the mutants: the same seed on the same code gives the same mutants.</param>
public sealed record MutantPlan(int Count, IReadOnlyList<MutantKind> Kinds, int Seed);

/// <summary>
/// Injects build errors into a loaded solution's own code, in memory: per kind, the sites in file and position order are
/// shuffled by the seed, and each is kept only if the build then fails first with one of the kind's errors. Among the
/// mutants kept, those in members that tests reach come first (their repair can be judged by the tests). Only the code
/// under test is changed, never a test project's.
/// </summary>
public static class MutantGenerator
{
    // How many sites of a kind are compiled at most per mutant wanted: bounds the time on code where a kind rarely fails as intended.
    private const int ChecksPerMutant = 8;

    // How many valid mutants are gathered per mutant wanted, so that those reached by tests can be preferred.
    private const int PoolPerMutant = 3;

    /// <summary>Makes the mutants <paramref name="plan"/> asks for; fewer where the code has too few sites of a kind.</summary>
    /// <param name="loaded">The solution, which must build.</param>
    /// <param name="plan">How many, which kinds, the seed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The mutants, numbered from 1, kind by kind in the plan's order.</returns>
    /// <exception cref="InputException">The solution does not build as it is.</exception>
    public static async Task<IReadOnlyList<Mutant>> GenerateAsync(LoadedSolution loaded, MutantPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(plan);
        var solution = loaded.Solution;
        var existing = await BuildErrors.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            var first = CompileErrorFinder.ToError(existing[0]);
            throw new InputException($"bench needs a solution that builds; it has {existing.Count} error(s), the first {first.Id} in {first.FilePath}: {first.Message}");
        }

        var documents = CodeUnderTest(solution);
        var mutants = new List<Mutant>();
        for (var index = 0; index < plan.Kinds.Count; index++)
        {
            var kind = plan.Kinds[index];
            var wanted = plan.Count / plan.Kinds.Count + (index < plan.Count % plan.Kinds.Count ? 1 : 0);
            if (wanted == 0)
            {
                continue;
            }

            var sites = new List<(Document Document, MutantSite Site)>();
            foreach (var document in documents)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is not null && model is not null)
                {
                    sites.AddRange(MutantSites.Find(kind, root, model).Select(site => (document, site)));
                }
            }

            var pool = new List<Mutant>();
            foreach (var (document, site) in Shuffled(sites, plan.Seed, kind).Take(wanted * ChecksPerMutant))
            {
                if (await TryMakeAsync(loaded, document, kind, site, cancellationToken).ConfigureAwait(false) is { } mutant)
                {
                    pool.Add(mutant);
                    if (pool.Count == wanted * PoolPerMutant)
                    {
                        break;
                    }
                }
            }

            // Stable: among the reached (and among the rest), the seed's order stands.
            mutants.AddRange(pool.OrderByDescending(mutant => mutant.ReachingTests > 0).Take(wanted));
        }

        return mutants.Select((mutant, index) => mutant with { Number = index + 1 }).ToList();
    }

    // Errors go into the code under test, never into the tests that judge the repair, nor into generated code.
    private static List<Document> CodeUnderTest(Solution solution) => solution.Projects
        .Where(project => project.Language == LanguageNames.CSharp && !IsTestProject(solution, project))
        .SelectMany(project => project.Documents)
        .Where(document => document.FilePath is { } path && !GeneratedCode.IsGeneratedFileName(path)
            && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .DistinctBy(document => document.FilePath)
        .OrderBy(document => document.FilePath, StringComparer.Ordinal)
        .ToList();

    private static bool IsTestProject(Solution solution, Project project) =>
        TestRunner.AffectedTestProjects(solution, [project.Id]).Any(test => test.Id == project.Id);

    // Fisher-Yates with a generator seeded by the seed and the kind: the same order on every run and machine.
    private static List<T> Shuffled<T>(IReadOnlyList<T> items, int seed, MutantKind kind)
    {
        var random = new Random(unchecked((seed * 31) + (int)kind));
        var shuffled = items.ToList();
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return shuffled;
    }

    private static async Task<Mutant?> TryMakeAsync(LoadedSolution loaded, Document document, MutantKind kind, MutantSite site, CancellationToken cancellationToken)
    {
        var original = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var broken = original.WithChanges(site.Change);
        var mutated = document.WithText(broken);
        var errors = (await BuildErrors.OfProjectAsync(mutated.Project, loaded.ProjectsDiagnosingDocumentation.Contains(mutated.Project.Id), cancellationToken).ConfigureAwait(false))
            .OrderBy(error => error.IsSyntax ? 0 : 1)
            .ThenBy(error => error.Diagnostic.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(error => error.Diagnostic.Location.SourceSpan.Start)
            .ToList();
        if (errors.Count == 0 || !kind.IntendedErrors().Contains(errors[0].Diagnostic.Id))
        {
            return null;
        }

        var diagnostic = errors[0].Diagnostic;
        var errorPath = diagnostic.Location.SourceTree?.FilePath ?? document.FilePath!;
        var error = new MutantError(
            diagnostic.Id,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            loaded.RelativePath(errorPath),
            diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var reaching = await ReachingTestsAsync(mutated.Project.Solution, document.FilePath!, original, broken, cancellationToken).ConfigureAwait(false);
        var pieces = string.Equals(errorPath, document.FilePath, StringComparison.Ordinal)
            ? await PiecesAsync(mutated, site.Change, original, broken, diagnostic, cancellationToken).ConfigureAwait(false)
            : null;
        return new Mutant(0, kind, loaded.RelativePath(document.FilePath!), site.Description, original.ToString(), broken.ToString(), error, reaching, pieces);
    }

    private static async Task<int> ReachingTestsAsync(Solution mutated, string filePath, SourceText original, SourceText broken, CancellationToken cancellationToken)
    {
        var project = mutated.GetDocumentIdsWithFilePath(filePath).Select(id => id.ProjectId).First();
        var testProjects = TestRunner.AffectedTestProjects(mutated, [project]);
        if (testProjects.Count == 0)
        {
            return 0;
        }

        var tests = await ImpactedTests.FindAsync(mutated, [new FileEdit(filePath, original, broken)], testProjects, cancellationToken).ConfigureAwait(false);
        return tests?.Count ?? 0;
    }

    // The gap is the span a model repair rewrites (the statement or member around the error); it must hold the whole
    // change, so that the original code of the gap is the right answer.
    private static async Task<FimPieces?> PiecesAsync(
        Document mutated, TextChange change, SourceText original, SourceText broken, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await mutated.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || RepairSpan.For(root, diagnostic.Location.SourceSpan) is not { } span
            || span.Start > change.Span.Start || change.Span.Start + change.NewText!.Length > span.End)
        {
            return null;
        }

        var middle = original.ToString(TextSpan.FromBounds(span.Start, span.End + original.Length - broken.Length));
        return new FimPieces(RepairPrompt.Prefix(broken, span, diagnostic), broken.ToString(TextSpan.FromBounds(span.End, broken.Length)), middle);
    }
}
