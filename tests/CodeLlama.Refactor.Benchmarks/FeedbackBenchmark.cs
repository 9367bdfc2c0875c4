using System.Diagnostics;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Execution feedback against a plain <c>dotnet test</c> of the same solution, side by side in one run, on the
/// synthetic solution (with a test project) and on a solution given by path (a real library with its tests): the
/// test step of the first attempt (which builds the copy) and of later ones (which emit what changed), per scope;
/// then <c>fix</c> end to end on a misspelt return value in the library. Goals: a later attempt ≤ 0.3× and the
/// whole <c>fix</c> ≤ 1.0× of the plain <c>dotnet test</c>.
/// </summary>
internal static class FeedbackBenchmark
{
    public static async Task RunAsync(string? solutionPath)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "feedback-" + Guid.NewGuid().ToString("N")[..8]);
        var synthetic = await SyntheticSolution.WriteAsync(Path.Combine(root, "synthetic"));
        await SyntheticTests.WriteAsync(Path.Combine(root, "synthetic"), synthetic);
        await MeasureAsync("synthetic (12 libraries, 200 tests)", synthetic, root);
        if (solutionPath is not null)
        {
            await MeasureAsync(Path.GetFileName(solutionPath), Path.GetFullPath(solutionPath), root);
        }

        Directory.Delete(root, recursive: true);
    }

    private static async Task MeasureAsync(string name, string solutionPath, string scratch)
    {
        var source = Path.GetDirectoryName(solutionPath)!;
        Console.WriteLine($"== {name}");

        // What a user runs: a fresh clone's `dotnet test` (restore, build, test), packages already cached.
        var plainCopy = CopyOf(source, scratch, "plain");
        await Measure.ProcessAsync("dotnet", plainCopy, "restore", Path.Combine(plainCopy, Path.GetFileName(solutionPath)));
        Clean(plainCopy, keepObj: true);
        var plain = await Measure.ProcessAsync("dotnet", plainCopy, "test", Path.Combine(plainCopy, Path.GetFileName(solutionPath)));
        Console.WriteLine($"plain dotnet test:                {plain.TotalSeconds,6:0.0} s");

        var sandbox = await SandboxSelection.ForAsync(SandboxMode.Auto, CancellationToken.None);
        var benchCopy = CopyOf(source, scratch, "bench");
        using (var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(Path.Combine(benchCopy, Path.GetFileName(solutionPath)))))
        {
            var target = await MutationTarget.FindAsync(loaded.Solution);
            var testProjects = TestRunner.AffectedTestProjects(loaded.Solution, [target.Document.Project.Id]);
            foreach (var scope in new[] { TestScope.Full, TestScope.ImpactedFirst, TestScope.ImpactedOnly })
            {
                using var bench = new TestBench(benchCopy, TimeSpan.FromMinutes(10), sandbox);
                var times = new List<(TimeSpan Time, TestOutcome Outcome)>();
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    var (candidate, edit) = await target.WithCommentAsync(loaded.Solution, attempt);
                    var stopwatch = Stopwatch.StartNew();
                    var outcome = await bench.RunAsync(candidate, [edit], testProjects, scope, modelWritten: false, CancellationToken.None);
                    times.Add((stopwatch.Elapsed, outcome));
                    if (!outcome.Succeeded)
                    {
                        throw new InvalidOperationException($"attempt {attempt + 1} failed: {outcome.Detail}");
                    }
                }

                var later = times.Skip(1).Select(entry => entry.Time).ToList();
                Console.WriteLine(
                    $"test step, {scope,-13} first {times[0].Time.TotalSeconds,5:0.0} s ({times[0].Time / plain:0.00}x), "
                    + $"later {later.Average(time => time.TotalSeconds),5:0.0} s ({later.Average(time => time.Ticks) / plain.Ticks:0.00}x); "
                    + $"tests per attempt {string.Join('/', times.Select(entry => entry.Outcome.Passed + entry.Outcome.Failed))}, "
                    + $"runs {bench.Runs}; {string.Join("; ", times.Last().Outcome.Notes.Distinct())}");
            }
        }

        var fixCopy = CopyOf(source, scratch, "fix");
        await Measure.ProcessAsync("dotnet", fixCopy, "restore", Path.Combine(fixCopy, Path.GetFileName(solutionPath)));
        var misspelt = await MutationTarget.MisspellOnDiskAsync(fixCopy, Path.GetFileName(solutionPath));
        var fixClock = Stopwatch.StartNew();
        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(Path.Combine(fixCopy, Path.GetFileName(solutionPath))), new FixOptions());
        fixClock.Stop();
        var fixedCount = result.Errors.Count(record => record.Status == FixStatus.Fixed);
        Console.WriteLine(
            $"fix end to end ({misspelt}): {fixClock.Elapsed.TotalSeconds:0.0} s ({fixClock.Elapsed / plain:0.00}x); {fixedCount}/{result.Errors.Count} fixed, "
            + $"load {result.Times.Loading.TotalSeconds:0.0} s, repair {result.Times.Repairing.TotalSeconds:0.0} s, tests {result.Times.Testing.TotalSeconds:0.0} s "
            + $"({result.Tests?.Attempts ?? 0} attempt(s), {result.Tests?.Passed + result.Tests?.Failed} tests in the last run), write {result.Times.Writing.TotalSeconds:0.0} s");
    }

    private static string CopyOf(string source, string scratch, string name)
    {
        var target = Path.Combine(scratch, $"{Path.GetFileName(source)}-{name}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    private static void Clean(string folder, bool keepObj)
    {
        foreach (var bin in Directory.EnumerateDirectories(folder, "bin", SearchOption.AllDirectories).ToList())
        {
            Directory.Delete(bin, recursive: true);
        }

        if (!keepObj)
        {
            foreach (var obj in Directory.EnumerateDirectories(folder, "obj", SearchOption.AllDirectories).ToList())
            {
                Directory.Delete(obj, recursive: true);
            }
        }
    }

    /// <summary>A use of a parameter in a library method's body: the member the attempts change and the mutant misspells.</summary>
    private sealed record MutationTarget(Document Document, IdentifierNameSyntax Use)
    {
        public static async Task<MutationTarget> FindAsync(Solution solution)
        {
            foreach (var document in solution.Projects
                .Where(project => !TestRunner.AffectedTestProjects(solution, [project.Id]).Any(test => test.Id == project.Id))
                .SelectMany(project => project.Documents)
                .Where(document => document.FilePath is { } path && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderBy(document => document.FilePath, StringComparer.Ordinal))
            {
                var root = await document.GetSyntaxRootAsync();
                var found = root!.DescendantNodes().OfType<IdentifierNameSyntax>().FirstOrDefault(identifier =>
                    identifier.Identifier.ValueText.Length >= 4
                    && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
                    && identifier.Ancestors().OfType<StatementSyntax>().Any()
                    && identifier.Ancestors().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault() is { } method
                    && method.ParameterList.Parameters.Any(parameter => parameter.Identifier.ValueText == identifier.Identifier.ValueText));
                if (found is not null)
                {
                    return new MutationTarget(document, found);
                }
            }

            throw new InvalidOperationException("no use of a parameter in the library to mutate");
        }

        public static async Task<string> MisspellOnDiskAsync(string folder, string solutionFile)
        {
            using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(Path.Combine(folder, solutionFile)));
            var target = await FindAsync(loaded.Solution);
            var name = target.Use.Identifier.ValueText;
            var misspelt = name[..^2] + name[^1] + name[^2];
            var text = (await target.Document.GetTextAsync()).ToString();
            var span = target.Use.Span;
            File.WriteAllText(target.Document.FilePath!, text[..span.Start] + misspelt + text[span.End..]);
            return $"{Path.GetFileName(target.Document.FilePath)}: {name} misspelt {misspelt}";
        }

        // A candidate that changes the member without changing what it does: a comment before the statement.
        public async Task<(Solution Candidate, FileEdit Edit)> WithCommentAsync(Solution solution, int attempt)
        {
            var original = await Document.GetTextAsync();
            var statement = Use.Ancestors().OfType<StatementSyntax>().First();
            var updated = original.WithChanges(new TextChange(new TextSpan(statement.SpanStart, 0), $"/* attempt {attempt} */ "));
            return (solution.WithDocumentText(Document.Id, updated), new FileEdit(Document.FilePath!, original, updated));
        }
    }
}
