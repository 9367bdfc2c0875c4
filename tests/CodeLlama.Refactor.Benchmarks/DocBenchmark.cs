using System.Diagnostics;
using System.Runtime;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// `doc` on the synthetic solution, or on a real one given by path: members documented per second after loading (goal
/// >= 2,000/s), with the build check (the binding of every method body that doc's exit code needs) timed on its own, and
/// the whole `doc --dry-run` process against `dotnet build` of the same solution, side by side in one run.
/// </summary>
/// <remarks>
/// The first in-process run is what one `doc` invocation does: it jits the documentation, emit and doc-comment code
/// paths of Roslyn that loading never ran. Later runs, each over a fresh load, show the steady state. Each run says how
/// long the JIT took.
/// </remarks>
internal static class DocBenchmark
{
    public static async Task RunAsync(int repetitions, string? realSolution, bool inProcessOnly = false)
    {
        string root, solution;
        if (realSolution is null)
        {
            root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "doc-" + Guid.NewGuid().ToString("N")[..8]);
            solution = await SyntheticSolution.WriteAsync(root);
            Console.WriteLine($"Synthetic solution: {SyntheticSolution.ProjectCount} projects, {SyntheticSolution.CountLines(root):N0} lines in {root}");
        }
        else
        {
            solution = Path.GetFullPath(realSolution);
            root = Path.GetDirectoryName(solution)!;
            Console.WriteLine($"Solution: {solution}");
        }

        Console.WriteLine($"Runtime: {RuntimeMode.Describe()}, {Environment.ProcessorCount} cores");
        await Measure.ProcessAsync("dotnet", root, "restore", solution);

        for (var run = 0; run < repetitions; run++)
        {
            // A fresh load per run: a compilation keeps what it has bound, so a second run over the same one would find
            // the build check done.
            using var opened = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution));
            // As `doc` loads it (see DocPipeline.RunAsync).
            var loaded = opened with { Solution = ErrorsOnlyAnalysis.Apply(opened.Solution) };
            foreach (var project in loaded.Projects)
            {
                await project.GetCompilationAsync();
            }

            var jitBefore = JitInfo.GetCompilationTime();
            // The build check alone: every method body bound, as `check` does, which doc's exit code needs. `doc` runs it
            // beside the documenting; here it goes first, so that each is timed on its own.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var checkClock = Stopwatch.StartNew();
            var asLoaded = new SolutionDiagnosis(loaded.Solution, CancellationToken.None).StartAll();
            foreach (var project in loaded.Projects.Where(project => project.Language == LanguageNames.CSharp))
            {
                await asLoaded.Of(project.Id);
            }

            var check = checkClock.Elapsed;
            var checkCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            // CPU time as well as wall time: on a shared machine the wall time says as much about the neighbours.
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stages = new StageClock();
            var result = await DocPipeline.DocumentAsync(loaded, new DocOptions(DryRun: true), stages, asLoaded);
            var total = stages.Stop();
            var jit = JitInfo.GetCompilationTime() - jitBefore;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var members = result.Members.Count;
            Console.WriteLine($"  in-process run {run + 1}{(run == 0 ? " (first in the process)" : "")}: {members:N0} members documented and verified "
                + $"in {total.TotalSeconds:0.00} s = {members / total.TotalSeconds:N0} members/s (goal >= 2,000/s); "
                + $"{cpu.TotalSeconds:0.00} s of CPU = {members / cpu.TotalSeconds:N0} members per CPU second; JIT in the run {jit.TotalSeconds:0.00} s");
            Console.WriteLine($"    build check before it (every method body bound) {check.TotalSeconds:0.00} s, {checkCpu.TotalSeconds:0.00} s of CPU; "
                + $"both: {(check + total).TotalSeconds:0.00} s = {members / (check + total).TotalSeconds:N0} members/s after loading");
            Console.WriteLine($"    scope {stages.Scope.TotalSeconds:0.00} s, comments {stages.Comments.TotalSeconds:0.00} s "
                + $"(= {members / (stages.Scope + stages.Comments).TotalSeconds:N0} members/s until every comment is written), "
                + $"verify and build errors {stages.Checks(total).TotalSeconds:0.00} s (verify and write {stages.Verify.TotalSeconds:0.00} s, "
                + $"what is left and build errors {stages.Result(total).TotalSeconds:0.00} s)");
            Console.WriteLine($"    CPU: until verification {stages.CpuUntilVerify.TotalSeconds:0.00} s, verify and write {stages.CpuVerify.TotalSeconds:0.00} s, "
                + $"what is left and build errors {stages.CpuResult.TotalSeconds:0.00} s");
        }

        if (inProcessOnly)
        {
            DeleteGenerated(root, realSolution);
            return;
        }

        var tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        var docTimes = new List<TimeSpan>();
        var buildTimes = new List<TimeSpan>();
        for (var run = 0; run < repetitions; run++)
        {
            buildTimes.Add(await Measure.ProcessAsync("dotnet", root, "build", solution, "--no-restore", "--no-incremental"));
            docTimes.Add(await Measure.ProcessAsync("dotnet", root, tool, "doc", solution, "--dry-run", "--verbosity", "quiet"));
            Console.WriteLine($"  run {run + 1}: dotnet build {buildTimes[^1].TotalSeconds:0.00} s, doc --dry-run {docTimes[^1].TotalSeconds:0.00} s");
        }

        Console.WriteLine($"doc / build = {Measure.Median(docTimes) / Measure.Median(buildTimes):0.00}");
        DeleteGenerated(root, realSolution);
    }

    // The generated solution goes when the benchmark is done; a real one is the user's.
    private static void DeleteGenerated(string root, string? realSolution)
    {
        if (realSolution is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>
/// Where the time of one in-process run goes, read from the pipeline's own progress reports: finding the members in scope
/// (until the first file is documented), writing the comments (until the last one is), and the rest: verifying the
/// edits and writing them (until the result is checked), then the members left undocumented and the build errors.
/// </summary>
/// <remarks>Reports are recorded as they come, on the reporting thread, so that no queueing delays a timestamp.</remarks>
internal sealed class StageClock : IProgress<WorkProgress>
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private TimeSpan? firstComment;
    private TimeSpan lastComment;
    private readonly TimeSpan cpuStart = Cpu();
    private TimeSpan? verifyStart;
    private TimeSpan? resultStart;
    private TimeSpan cpuVerifyStart;
    private TimeSpan cpuResultStart;
    private TimeSpan cpuEnd;

    /// <summary>From the start until the first file was documented.</summary>
    public TimeSpan Scope => firstComment ?? TimeSpan.Zero;

    /// <summary>From the first file documented to the last.</summary>
    public TimeSpan Comments => lastComment - Scope;

    /// <summary>The rest of a run that took <paramref name="total"/>.</summary>
    public TimeSpan Checks(TimeSpan total) => total - lastComment;

    /// <summary>From the start of verification to the start of the final check (verifying and writing).</summary>
    public TimeSpan Verify => (resultStart ?? TimeSpan.Zero) - (verifyStart ?? TimeSpan.Zero);

    /// <summary>From the start of the final check to the end of a run that took <paramref name="total"/>.</summary>
    public TimeSpan Result(TimeSpan total) => total - (resultStart ?? total);

    /// <summary>The process's CPU time (all threads, background tiering included) until verification started.</summary>
    public TimeSpan CpuUntilVerify => cpuVerifyStart - cpuStart;

    /// <summary>The process's CPU time while verifying and writing.</summary>
    public TimeSpan CpuVerify => cpuResultStart - cpuVerifyStart;

    /// <summary>The process's CPU time from the final check to the end.</summary>
    public TimeSpan CpuResult => cpuEnd - cpuResultStart;

    public TimeSpan Stop()
    {
        stopwatch.Stop();
        cpuEnd = Cpu();
        return stopwatch.Elapsed;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public void Report(WorkProgress value)
    {
        lock (gate)
        {
            switch (value.Stage)
            {
                case "Documenting":
                    firstComment ??= stopwatch.Elapsed;
                    lastComment = stopwatch.Elapsed;
                    break;
                case "Verifying" when verifyStart is null:
                    verifyStart = stopwatch.Elapsed;
                    cpuVerifyStart = Cpu();
                    break;
                case "Checking the result" when resultStart is null:
                    resultStart = stopwatch.Elapsed;
                    cpuResultStart = Cpu();
                    break;
            }
        }
    }
}
