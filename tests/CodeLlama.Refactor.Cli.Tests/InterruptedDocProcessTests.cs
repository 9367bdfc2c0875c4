using System.Diagnostics;
using CodeLlama.Refactor.Testing;
using Xunit.Abstractions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>doc over many files, stopped with SIGINT at a random moment: every file old, or every file new, and no temporary file.</summary>
public sealed class InterruptedDocProcessTests(ITestOutputHelper log)
{
    private const int Files = 80;
    private const int Runs = 6;

    [UnixFact]
    public async Task SigintAtRandomMoments_LeavesAllFilesOldOrAllNew_AndNoTemporaryFile()
    {
        var (baselineTime, newTexts) = await BaselineAsync();
        var random = new Random();
        var cancelled = 0;
        for (var run = 0; run < Runs; run++)
        {
            using var solution = Create();
            var oldTexts = Texts(solution);

            // Half the runs are interrupted somewhere in the later part of the run, half at a random moment after the
            // first temporary file appears, which is where the write phase begins.
            var duringWrites = run % 2 == 1;
            var delay = duringWrites ? TimeSpan.FromMilliseconds(random.Next(0, 40)) : baselineTime * (0.3 + (0.7 * random.NextDouble()));

            var exitCode = await RunDocAsync(solution, delay, duringWrites);

            var texts = Texts(solution);
            var state = texts.SequenceEqual(oldTexts) ? "old" : texts.SequenceEqual(newTexts) ? "new" : "mixed";
            var moment = $"run {run}: SIGINT {delay.TotalMilliseconds:0} ms after {(duringWrites ? "the first temporary file" : "the start")}";
            Assert.True(state != "mixed", $"{moment}: {texts.Where((text, index) => text != oldTexts[index]).Count()} of {Files} files changed, exit {exitCode}");
            Assert.True(exitCode is ExitCodes.Cancelled or ExitCodes.Success, $"{moment}: exit code {exitCode}");
            var temporaries = Directory.EnumerateFiles(solution.Directory, "*.tmp", SearchOption.AllDirectories).ToList();
            Assert.True(temporaries.Count == 0, $"{moment}, exit {exitCode}: left {string.Join(", ", temporaries)}");
            log.WriteLine($"{moment} (a whole run takes {baselineTime.TotalSeconds:0.0} s): exit {exitCode}, files {state}");
            cancelled += exitCode == ExitCodes.Cancelled ? 1 : 0;
        }

        // Otherwise no run was interrupted, and the test proved nothing.
        Assert.True(cancelled > 0, "no run was cancelled by SIGINT");
    }

    private static async Task<(TimeSpan Time, IReadOnlyList<string> NewTexts)> BaselineAsync()
    {
        using var solution = Create();
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Success, await RunDocAsync(solution, interruptAfter: null, afterFirstTemporary: false));
        return (stopwatch.Elapsed, Texts(solution));
    }

    private static TemporarySolution Create() => TemporarySolution.Create(Enumerable.Range(0, Files).ToDictionary(
        index => $"C{index:00}.cs",
        index => $"namespace Lib;\n\npublic class C{index:00}\n{{\n    public int Add(int value) => value + {index};\n}}\n"));

    private static List<string> Texts(TemporarySolution solution) =>
        [.. Enumerable.Range(0, Files).Select(index => File.ReadAllText(solution.File($"Lib/C{index:00}.cs")))];

    private static async Task<int> RunDocAsync(TemporarySolution solution, TimeSpan? interruptAfter, bool afterFirstTemporary)
    {
        using var watcher = new FileSystemWatcher(solution.File("Lib"), "*.codellama-refactor.tmp");
        var firstTemporary = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => firstTemporary.TrySetResult();
        watcher.EnableRaisingEvents = afterFirstTemporary;

        // A test host started from a non-interactive shell may ignore SIGINT, and its children inherit that: reset it.
        var (exitCode, _, _) = await ToolProcess.RunAsync(
            ["perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", ToolProcess.Tool, "doc", solution.Directory],
            TimeSpan.FromMinutes(3),
            async (process, exited) =>
            {
                if (afterFirstTemporary)
                {
                    await Task.WhenAny(firstTemporary.Task, exited);
                }

                if (interruptAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay)) != exited)
                {
                    await ToolProcess.InterruptAsync(ToolProcess.Pid(process));
                }
            });
        return exitCode;
    }
}
