using System.Diagnostics;
using System.Globalization;
using CodeLlama.Refactor.Testing;
using Xunit.Abstractions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>doc over many files, stopped with SIGINT at a random moment: every file old, or every file new, and no temporary file.</summary>
public sealed class InterruptedDocProcessTests(ITestOutputHelper log)
{
    private const int Files = 80;
    private const int Runs = 4;

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
            // Spread over the later part of a run, where verification ends and the files are written.
            var delay = baselineTime * (0.3 + (0.7 * random.NextDouble()));

            var exitCode = await RunDocAsync(solution, delay);

            var texts = Texts(solution);
            var state = texts.SequenceEqual(oldTexts) ? "old" : texts.SequenceEqual(newTexts) ? "new" : "mixed";
            Assert.True(state != "mixed", $"run {run}, SIGINT after {delay.TotalSeconds:0.00} s: {texts.Where((text, index) => text != oldTexts[index]).Count()} of {Files} files changed, exit {exitCode}");
            Assert.True(exitCode is ExitCodes.Cancelled or ExitCodes.Success, $"run {run}: exit code {exitCode}");
            var temporaries = Directory.EnumerateFiles(solution.Directory, "*.tmp", SearchOption.AllDirectories).ToList();
            Assert.True(temporaries.Count == 0, $"run {run}, SIGINT after {delay.TotalSeconds:0.00} s, exit {exitCode}: left {string.Join(", ", temporaries)}");
            log.WriteLine($"run {run}: SIGINT after {delay.TotalSeconds:0.00} s of {baselineTime.TotalSeconds:0.00} s, exit {exitCode}, files {state}");
            cancelled += exitCode == ExitCodes.Cancelled ? 1 : 0;
        }

        // Otherwise no run was interrupted, and the test proved nothing.
        Assert.True(cancelled > 0, "no run was cancelled by SIGINT");
    }

    private static async Task<(TimeSpan Time, IReadOnlyList<string> NewTexts)> BaselineAsync()
    {
        using var solution = Create();
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Success, await RunDocAsync(solution, interruptAfter: null));
        return (stopwatch.Elapsed, Texts(solution));
    }

    private static TemporarySolution Create() => TemporarySolution.Create(Enumerable.Range(0, Files).ToDictionary(
        index => $"C{index:00}.cs",
        index => $"namespace Lib;\n\npublic class C{index:00}\n{{\n    public int Add(int value) => value + {index};\n}}\n"));

    private static List<string> Texts(TemporarySolution solution) =>
        [.. Enumerable.Range(0, Files).Select(index => File.ReadAllText(solution.File($"Lib/C{index:00}.cs")))];

    private static async Task<int> RunDocAsync(TemporarySolution solution, TimeSpan? interruptAfter)
    {
        // A test host started from a non-interactive shell may ignore SIGINT, and its children inherit that: reset it.
        var start = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll"), "doc", solution.Directory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            if (interruptAfter is { } delay && !process.WaitForExit(delay))
            {
                using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            await Task.WhenAll(output, error);
            return process.ExitCode;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
