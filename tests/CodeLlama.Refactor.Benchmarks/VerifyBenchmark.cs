using System.Diagnostics;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Verification latency per candidate on the synthetic solution: the incremental in-memory check against writing the
/// candidate and running `dotnet build`, as script-driven repair tools do, side by side in one run (goal: the median
/// in-memory check at least 100x faster and under 100 ms). Then the end-to-end `fix` of the broken sample, per stage.
/// </summary>
internal static class VerifyBenchmark
{
    private const string Correct = "var total = input;";
    private const string Broken = "var total = inptu;";

    public static async Task RunAsync(int samples)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "verify-" + Guid.NewGuid().ToString("N")[..8]);
        var solutionPath = await SyntheticSolution.WriteAsync(root);
        await Measure.ProcessAsync("dotnet", root, "restore", solutionPath);
        await Measure.ProcessAsync("dotnet", root, "build", solutionPath, "--no-restore");

        var inMemory = new List<TimeSpan>();
        using (var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solutionPath)))
        {
            var documents = loaded.Projects.SelectMany(project => project.Documents)
                .Where(document => document.Name.StartsWith("Unit", StringComparison.Ordinal))
                .OrderBy(document => document.FilePath, StringComparer.Ordinal)
                .ToList();
            foreach (var project in loaded.Projects)
            {
                await project.GetCompilationAsync();
            }

            for (var i = 0; i < samples + 1; i++)
            {
                var document = documents[(i * 37) % documents.Count];
                var text = (await document.GetTextAsync()).ToString();
                var broken = loaded.Solution.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(ReplaceFirst(text, Correct, Broken)));
                var model = await broken.GetDocument(document.Id)!.GetSemanticModelAsync();
                var target = new BuildError(broken.GetProject(document.Project.Id)!, model!.GetDiagnostics().First(diagnostic => diagnostic.Id == "CS0103"), IsSyntax: false);
                var candidate = new Candidate("benchmark", "Change 'inptu' to 'input'", loaded.Solution, 0);

                var stopwatch = Stopwatch.StartNew();
                var verdict = await new CompileVerifier(broken, loaded.ProjectsDiagnosingDocumentation).VerifyAsync(candidate, target, CancellationToken.None);
                stopwatch.Stop();
                if (!verdict.Accepted)
                {
                    throw new InvalidOperationException($"The correct candidate was rejected: {verdict.Outcome} {string.Join(", ", verdict.Added)}");
                }

                if (i > 0)
                {
                    inMemory.Add(stopwatch.Elapsed);
                }
            }
        }

        var builds = new List<TimeSpan>();
        var file = Directory.EnumerateFiles(Path.Combine(root, "Synthetic.Module06"), "*.cs").Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(file);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(file, i % 2 == 0 ? original + $"\n// candidate {i}\n" : original);
            builds.Add(await Measure.ProcessAsync("dotnet", root, "build", solutionPath, "--no-restore"));
        }

        File.WriteAllText(file, original);
        var memoryMedian = Measure.Median(inMemory);
        var buildMedian = Measure.Median(builds);
        Console.WriteLine($"in-memory check per candidate: median {memoryMedian.TotalMilliseconds:0} ms over {inMemory.Count} candidates (goal < 100 ms)");
        Console.WriteLine($"dotnet build per candidate:    median {buildMedian.TotalMilliseconds:0} ms over {builds.Count} candidates");
        Console.WriteLine($"dotnet build / in-memory = {buildMedian / memoryMedian:0}x (goal >= 100x)");
        Directory.Delete(root, recursive: true);

        using var sample = Samples.Copy(Samples.BrokenBuild);
        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new FixOptions());
        Console.WriteLine($"fix on samples/BrokenBuild: {result.Errors.Count(record => record.Status == FixStatus.Fixed)}/{result.Errors.Count} fixed, "
            + $"load {result.Times.Loading.TotalSeconds:0.0} s, repair {result.Times.Repairing.TotalSeconds:0.0} s, "
            + $"tests {result.Times.Testing.TotalSeconds:0.0} s, write {result.Times.Writing.TotalMilliseconds:0} ms");
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return text[..index] + to + text[(index + from.Length)..];
    }
}
