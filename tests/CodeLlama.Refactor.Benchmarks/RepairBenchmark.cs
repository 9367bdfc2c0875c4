using System.Diagnostics;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// `fix` without a model on build errors injected into a real solution: per class of error, how many were injected,
/// repaired (the solution compiles again), identical to the original, and the test runs used. Each mutant is repaired in
/// a copy of its own; the solution's files are never touched.
/// </summary>
internal static class RepairBenchmark
{
    public static async Task RunAsync(string folder, string? target, int perClass, bool tests)
    {
        folder = Path.GetFullPath(folder);
        var targetPath = Path.Combine(folder, target ?? "");
        IReadOnlyList<Mutant> mutants;
        using (var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(targetPath)))
        {
            mutants = await RepairMutants.FindAsync(loaded.Solution, folder, perClass);
        }

        Console.WriteLine($"{mutants.Count} mutants of {targetPath}, tests {(tests ? "on" : "off")}");
        var rows = new List<(Mutant Mutant, bool Repaired, bool Identical, int TestRuns, string Chosen)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var mutant in mutants)
        {
            var copy = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "repair-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                Copy(folder, copy);
                var file = Path.Combine(copy, mutant.FilePath);
                File.WriteAllText(file, mutant.Broken);
                var testRuns = new TestRunCounter();
                var result = await FixPipeline.RunAsync(
                    SolutionPath.Resolve(Path.Combine(copy, target ?? "")), new FixOptions(Tests: tests ? TestMode.Affected : TestMode.None), testRuns);
                var repaired = result.Remaining.Count == 0;
                var identical = File.ReadAllText(file) == mutant.Original;
                var chosen = string.Join("; ", result.Errors.Where(record => record.Status == FixStatus.Fixed && record.Title is not null)
                    .Select(record => $"{record.Error.Id} {record.Source}: {record.Title}"));
                rows.Add((mutant, repaired, identical, testRuns.Count, chosen));
                Console.WriteLine($"  {(identical ? "identical" : repaired ? "repaired " : "UNFIXED  ")} {mutant.Class} · {mutant.FilePath} · {mutant.Description} → {(chosen.Length > 0 ? chosen : string.Join(", ", result.Remaining.Select(error => error.Id).Distinct()))}");
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| {"class",-34} | injected | repaired | identical | test runs |");
        Console.WriteLine($"|{new string('-', 36)}|----------|----------|-----------|-----------|");
        foreach (var name in RepairMutants.ClassNames)
        {
            var of = rows.Where(row => row.Mutant.Class == name).ToList();
            Console.WriteLine($"| {name,-34} | {of.Count,8} | {of.Count(row => row.Repaired),8} | {of.Count(row => row.Identical),9} | {of.Sum(row => row.TestRuns),9} |");
        }

        Console.WriteLine($"| {"all",-34} | {rows.Count,8} | {rows.Count(row => row.Repaired),8} | {rows.Count(row => row.Identical),9} | {rows.Sum(row => row.TestRuns),9} |");
        Console.WriteLine($"{stopwatch.Elapsed.TotalSeconds:0} s in all");
    }

    // The solution's sources and restore outputs, without build outputs or version control.
    internal static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            if (!Skipped(Path.GetRelativePath(from, directory)))
            {
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
            }
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!Skipped(relative))
            {
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }

    private static bool Skipped(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or ".git" or ".vs");

    private sealed class TestRunCounter : IProgress<WorkProgress>
    {
        public int Count { get; private set; }

        public void Report(WorkProgress value)
        {
            if (value.Stage == "Testing")
            {
                Count++;
            }
        }
    }
}
