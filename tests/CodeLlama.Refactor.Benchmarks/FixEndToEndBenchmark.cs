using System.Diagnostics;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// `fix` end to end (start-up, load, repair, tests, write) against what a developer does on the same warm working copy:
/// correct the error by hand, then `dotnet build` and `dotnet test --no-build`. The two alternate in one run, each
/// starting from the same broken file and the build outputs of the last good build; the figure is the ratio of the
/// medians. Goal: fix takes at most as long as the developer's edit + build + test. With a baseline tool (another
/// build's codellama-refactor.dll), its fix runs in the same rounds, so that two builds of the tool compare side by side;
/// with a tool, that build's dll runs instead of this one's (an installed ReadyToRun package's, say: what users run).
/// </summary>
internal static class FixEndToEndBenchmark
{
    /// <summary>The generated library (about 2,000 lines, about 200 tests) with one misspelt local.</summary>
    public static async Task RunSyntheticAsync(int repetitions, string? baselineTool, string? tool = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "fix-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var solution = await FixEndToEndSolution.WriteAsync(root);
        var file = Path.Combine(root, FixEndToEndSolution.BrokenFile);
        var original = File.ReadAllText(file);
        Console.WriteLine($"Generated library: {SyntheticSolution.CountLines(Path.Combine(root, "Library")):N0} lines, tests in {root}");
        try
        {
            await RunAsync(solution, file, FixEndToEndSolution.Break(original), repetitions, baselineTool, tool);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_BENCH") is null)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>
    /// Any solution: <paramref name="file"/>'s text with <paramref name="find"/> replaced by <paramref name="replace"/>
    /// is the error; the solution's folder is the developer's working copy (it is built first, and the file is put back).
    /// </summary>
    public static async Task RunAsync(string solution, string file, string find, string replace, int repetitions, string? baselineTool, string? tool = null)
    {
        var original = File.ReadAllText(file);
        if (!original.Contains(find, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{file} does not contain {find}");
        }

        var at = original.IndexOf(find, StringComparison.Ordinal);
        await RunAsync(Path.GetFullPath(solution), Path.GetFullPath(file), original[..at] + replace + original[(at + find.Length)..], repetitions, baselineTool, tool);
    }

    private static async Task RunAsync(string solution, string file, string broken, int repetitions, string? baselineTool, string? tool)
    {
        var root = Path.GetDirectoryName(solution)!;
        var original = File.ReadAllText(file);
        var mode = tool is null ? RuntimeMode.Describe() : "the tool named above";
        tool ??= Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        // The working copy is warm: restored, built and tested once, as a developer's is.
        await Measure.ProcessAsync("dotnet", root, "restore", solution);
        await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore");
        await Measure.ProcessAsync("dotnet", root, "test", solution, "--no-build");

        var fixTimes = new List<TimeSpan>();
        var handTimes = new List<TimeSpan>();
        var baselineTimes = new List<TimeSpan>();
        try
        {
            for (var run = 0; run < repetitions; run++)
            {
                File.WriteAllText(file, broken);
                var stopwatch = Stopwatch.StartNew();
                File.WriteAllText(file, original);
                await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore");
                await Measure.ProcessAsync("dotnet", root, "test", solution, "--no-build");
                handTimes.Add(stopwatch.Elapsed);

                fixTimes.Add(await FixAsync(tool, root, solution, file, broken, original));
                if (baselineTool is not null)
                {
                    baselineTimes.Add(await FixAsync(baselineTool, root, solution, file, broken, original));
                }

                Console.WriteLine(
                    $"  run {run + 1}: edit + build + test {handTimes[^1].TotalSeconds:0.00} s, fix {fixTimes[^1].TotalSeconds:0.00} s"
                    + (baselineTool is null ? "" : $", baseline fix {baselineTimes[^1].TotalSeconds:0.00} s"));
            }
        }
        finally
        {
            File.WriteAllText(file, original);
        }

        var hand = Measure.Median(handTimes);
        var fix = Measure.Median(fixTimes);
        Console.WriteLine($"median edit + dotnet build + dotnet test --no-build: {hand.TotalSeconds:0.00} s");
        Console.WriteLine($"median codellama-refactor fix ({tool}): {fix.TotalSeconds:0.00} s");
        Console.WriteLine($"fix / (edit + build + test) = {fix / hand:0.00} (goal <= 1.00; {mode})");
        if (baselineTool is not null)
        {
            var baseline = Measure.Median(baselineTimes);
            Console.WriteLine($"median baseline fix ({baselineTool}): {baseline.TotalSeconds:0.00} s");
            Console.WriteLine($"baseline fix / (edit + build + test) = {baseline / hand:0.00}");
        }
    }

    // One fix of the broken file; it must write exactly the developer's repair.
    private static async Task<TimeSpan> FixAsync(string tool, string root, string solution, string file, string broken, string original)
    {
        File.WriteAllText(file, broken);
        var elapsed = await Measure.ProcessAsync("dotnet", root, tool, "fix", solution, "--verbosity", "quiet");
        if (File.ReadAllText(file) != original)
        {
            throw new InvalidOperationException($"{tool} fix did not write the developer's repair of {file}");
        }

        return elapsed;
    }
}
