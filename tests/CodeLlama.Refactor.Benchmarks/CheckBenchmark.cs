namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// `check` (load + every diagnostic, as a user runs the tool) against `dotnet build` of the same synthetic solution,
/// alternating in one run. The build is a full recompile (--no-incremental) with its build servers warm.
/// Goal: check takes at most half the time of the build.
/// </summary>
internal static class CheckBenchmark
{
    public static async Task RunAsync(int repetitions)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "check-" + Guid.NewGuid().ToString("N")[..8]);
        var solution = await SyntheticSolution.WriteAsync(root);
        Console.WriteLine($"Synthetic solution: {SyntheticSolution.ProjectCount} projects, {SyntheticSolution.CountLines(root):N0} lines in {root}");
        await Measure.ProcessAsync("dotnet", root, "restore", solution);
        await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore");

        var tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        var checkTimes = new List<TimeSpan>();
        var buildTimes = new List<TimeSpan>();
        for (var run = 0; run < repetitions; run++)
        {
            buildTimes.Add(await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore", "--no-incremental"));
            checkTimes.Add(await Measure.ProcessAsync("dotnet", root, tool, "check", solution, "--verbosity", "quiet"));
            Console.WriteLine($"  run {run + 1}: dotnet build {buildTimes[^1].TotalSeconds:0.00} s, check {checkTimes[^1].TotalSeconds:0.00} s");
        }

        var build = Measure.Median(buildTimes);
        var check = Measure.Median(checkTimes);
        Console.WriteLine($"median dotnet build --no-incremental: {build.TotalSeconds:0.00} s");
        Console.WriteLine($"median codellama-refactor check:      {check.TotalSeconds:0.00} s");
        Console.WriteLine($"check / build = {check / build:0.00} (goal <= 0.50)");
        if (Environment.GetEnvironmentVariable("KEEP_BENCH") is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
