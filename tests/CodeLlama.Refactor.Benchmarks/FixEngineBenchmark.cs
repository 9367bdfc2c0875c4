using System.Text.Json;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// <c>fix --dry-run --format json</c> on broken solutions, by this build's tool and, side by side in the same run, by a
/// baseline build of the tool (another commit's <c>codellama-refactor.dll</c>): per solution, the errors fixed, the test
/// runs per error and the repair-stage time, each tool's runs interleaved so that both see the same machine load. Both
/// are measured through the JSON report, the one measurement every version of the tool gives. Each run works on a copy
/// of its own; the solutions' files are never touched.
/// </summary>
internal static class FixEngineBenchmark
{
    /// <param name="folders">The broken solutions' folders.</param>
    /// <param name="baseline">The baseline's <c>codellama-refactor.dll</c>, or null for this build alone.</param>
    /// <param name="repetitions">Runs per tool and solution; the times are their medians.</param>
    /// <param name="reports">A folder to keep each run's JSON report in (what each error became), or null.</param>
    public static async Task RunAsync(IReadOnlyList<string> folders, string? baseline, int repetitions, string? reports)
    {
        var current = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        var tools = new List<(string Name, string Dll)> { ("after", current) };
        if (baseline is not null)
        {
            tools.Insert(0, ("before", Path.GetFullPath(baseline)));
        }

        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            var runs = tools.ToDictionary(tool => tool.Name, _ => new List<FixRun>());
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                foreach (var (name, dll) in tools)
                {
                    var run = await RunOnceAsync(dll, folder);
                    if (reports is not null)
                    {
                        Directory.CreateDirectory(reports);
                        await File.WriteAllTextAsync(Path.Combine(reports, $"{Path.GetFileName(folder)}-{name}-{repetition + 1}.json"), run.Report);
                    }

                    runs[name].Add(run);
                    Console.WriteLine($"  {name,-6} {Path.GetFileName(folder)} #{repetition + 1}: {run.Fixed}/{run.Errors} fixed, {run.TestRuns} test run(s), "
                        + $"repair {run.Repairing.TotalSeconds:0.0} s, tests {run.Testing.TotalSeconds:0.0} s, wall {run.Wall.TotalSeconds:0.0} s");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{folder} (median of {repetitions})");
            Console.WriteLine("| tool | fixed | test runs | test runs per error | repair stage | tests stage | wall |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var (name, _) in tools)
            {
                var of = runs[name];
                var first = of[0];
                Console.WriteLine($"| {name} | {first.Fixed}/{first.Errors} | {first.TestRuns} | {(double)first.TestRuns / Math.Max(1, first.Errors):0.00} "
                    + $"| {Measure.Median(of.Select(run => run.Repairing)).TotalSeconds:0.0} s | {Measure.Median(of.Select(run => run.Testing)).TotalSeconds:0.0} s "
                    + $"| {Measure.Median(of.Select(run => run.Wall)).TotalSeconds:0.0} s |");
            }

            if (baseline is not null)
            {
                var ratio = Measure.Median(runs["after"].Select(run => run.Repairing)) / Measure.Median(runs["before"].Select(run => run.Repairing));
                Console.WriteLine($"repair stage, after / before: {ratio:0.00}×");
            }

            Console.WriteLine();
        }
    }

    /// <summary>One <c>fix</c> run as its JSON report gives it.</summary>
    private sealed record FixRun(int Errors, int Fixed, int TestRuns, TimeSpan Repairing, TimeSpan Testing, TimeSpan Wall, string Report);

    private static async Task<FixRun> RunOnceAsync(string dll, string folder)
    {
        var copy = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "engine-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            RepairBenchmark.Copy(folder, copy);
            var (wall, text) = await Measure.RunAsync("dotnet", copy, dll, "fix", copy, "--dry-run", "--format", "json");
            using var report = JsonDocument.Parse(text);
            var errors = report.RootElement.GetProperty("errors").EnumerateArray().ToList();
            var summary = report.RootElement.GetProperty("summary");
            var elapsed = summary.GetProperty("elapsedMs");
            return new FixRun(
                errors.Count,
                errors.Count(entry => entry.GetProperty("status").GetString() == "fixed"),
                summary.GetProperty("testRuns").GetInt32(),
                TimeSpan.FromMilliseconds(elapsed.GetProperty("repairing").GetInt64()),
                TimeSpan.FromMilliseconds(elapsed.GetProperty("testing").GetInt64()),
                wall,
                text);
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }
}
