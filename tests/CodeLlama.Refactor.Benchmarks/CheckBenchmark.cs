namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// `check` (load + every diagnostic, as a user runs the tool) against `dotnet build` of the same solution, alternating in
/// one run: the synthetic solution, or a real one already restored (a library retargeted in a temp folder). The build is a
/// full recompile (--no-incremental) with its build servers warm. Each tool given (this build, an installed precompiled
/// one...) is timed in every round. Goal (issue 31): check takes at most 0.3 of the build on code of Newtonsoft.Json's size.
/// </summary>
internal static class CheckBenchmark
{
    public static async Task RunAsync(int repetitions, string? target = null, IReadOnlyList<(string Label, string Dll)>? tools = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "check-" + Guid.NewGuid().ToString("N")[..8]);
        string solution;
        if (target is null)
        {
            solution = await SyntheticSolution.WriteAsync(root);
            Console.WriteLine($"Synthetic solution: {SyntheticSolution.ProjectCount} projects, {SyntheticSolution.CountLines(root):N0} lines in {root}");
            await Measure.ProcessAsync("dotnet", root, "restore", solution);
        }
        else
        {
            solution = Path.GetFullPath(target);
            root = Path.GetDirectoryName(solution)!;
            Console.WriteLine($"{solution}: {SyntheticSolution.CountLines(root):N0} lines");
        }

        // Untimed: the build servers start, and every file is read once.
        await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore");
        if (tools is not { Count: > 0 })
        {
            tools = [("this build", Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll"))];
        }

        Console.WriteLine($"load: {Load()}");
        var checkTimes = tools.ToDictionary(tool => tool.Label, _ => new List<TimeSpan>());
        var buildTimes = new List<TimeSpan>();
        for (var run = 0; run < repetitions; run++)
        {
            buildTimes.Add(await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore", "--no-incremental"));
            var line = $"  run {run + 1}: dotnet build {buildTimes[^1].TotalSeconds:0.00} s";
            foreach (var (label, dll) in tools)
            {
                checkTimes[label].Add(await Measure.ProcessAsync("dotnet", root, dll, "check", solution, "--verbosity", "quiet"));
                line += $", check ({label}) {checkTimes[label][^1].TotalSeconds:0.00} s";
            }

            Console.WriteLine($"{line}   (load {Load()})");
        }

        var build = Measure.Median(buildTimes);
        Console.WriteLine($"median dotnet build --no-incremental: {build.TotalSeconds:0.00} s");
        foreach (var (label, _) in tools)
        {
            var check = Measure.Median(checkTimes[label]);
            Console.WriteLine($"median check ({label}): {check.TotalSeconds:0.00} s, check / build = {check / build:0.00} (goal <= 0.30)");
        }

        if (target is null && Environment.GetEnvironmentVariable("KEEP_BENCH") is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "(no /proc/loadavg)";
}
