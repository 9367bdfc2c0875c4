using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Testing;
using Xunit.Abstractions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// doc over many files, stopped with SIGINT: every file old, or every file new, and no temporary file. The signal is
/// sent on an event the test sees, not after a delay: the progress line of a chosen file (chosen by a seeded random
/// number, so a failure names a run that can be repeated), or the first temporary file of the write phase.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class InterruptedDocProcessTests(ITestOutputHelper log)
{
    private const int Files = 80;
    private const int Seed = 34;

    [UnixFact]
    public async Task SigintWhileDocumenting_CancelsTheRun_AndLeavesEveryFileOld()
    {
        var random = new Random(Seed);
        // The first file leaves the documenting of 79 more, the verification and the write phase, far longer than
        // handling a signal: that run must end with every file old. The later points may meet a fast machine already
        // past its write; then every file is new and the tool says so, in its exit code or in its cancellation message.
        var points = new[] { 1, random.Next(2, Files / 8), random.Next(Files / 8, Files / 2) };
        foreach (var file in points)
        {
            using var solution = Create();
            var oldTexts = Texts(solution);

            var (exitCode, error) = await RunDocAsync(solution, Interrupt.AtProgress(file));

            var moment = $"SIGINT at the progress line of file {file} (seed {Seed})";
            var texts = Texts(solution);
            var allOld = texts.SequenceEqual(oldTexts);
            log.WriteLine($"{moment}: exit {exitCode}, files {(allOld ? "old" : "changed")}: {error.Trim()}");
            AssertNoTemporaryFile(solution, moment);
            if (file == points[0] || allOld)
            {
                Assert.True(exitCode == ExitCodes.Cancelled, $"{moment}: exit code {exitCode}");
                Assert.Equal(oldTexts, texts);
                Assert.Contains("no file was changed", error, StringComparison.Ordinal);
                continue;
            }

            Assert.Equal(await BaselineTextsAsync(), texts);
            Assert.True(
                exitCode == ExitCodes.Success || (exitCode == ExitCodes.Cancelled && error.Contains($"Cancelled after writing {Files} file(s)", StringComparison.Ordinal)),
                $"{moment}: every file was written, but exit code {exitCode} and: {error}");
        }
    }

    [UnixFact]
    public async Task SigintAtTheFirstTemporaryFile_LeavesAllFilesOldOrAllNew_AndNoTemporaryFile()
    {
        var newTexts = await BaselineTextsAsync();
        using var solution = Create();
        var oldTexts = Texts(solution);

        var (exitCode, _) = await RunDocAsync(solution, Interrupt.AtFirstTemporary);

        // Either is right: cancellation is honoured until the renames start, and the renames are always finished.
        var texts = Texts(solution);
        var state = texts.SequenceEqual(oldTexts) ? "old" : texts.SequenceEqual(newTexts) ? "new" : "mixed";
        log.WriteLine($"SIGINT at the first temporary file: exit {exitCode}, files {state}");
        Assert.True(state != "mixed", $"{texts.Where((text, index) => text != oldTexts[index]).Count()} of {Files} files changed, exit {exitCode}");
        Assert.True(exitCode is ExitCodes.Cancelled or ExitCodes.Success, $"exit code {exitCode}");
        AssertNoTemporaryFile(solution, "SIGINT at the first temporary file");
    }

    private static void AssertNoTemporaryFile(TemporarySolution solution, string moment)
    {
        var temporaries = Directory.EnumerateFiles(solution.Directory, "*.tmp", SearchOption.AllDirectories).ToList();
        Assert.True(temporaries.Count == 0, $"{moment}: left {string.Join(", ", temporaries)}");
    }

    // What an uninterrupted run writes.
    private static async Task<IReadOnlyList<string>> BaselineTextsAsync()
    {
        using var solution = Create();
        var (exitCode, error) = await RunDocAsync(solution, interrupt: null);
        Assert.True(exitCode == ExitCodes.Success, $"doc without an interrupt: exit code {exitCode}: {error}");
        return Texts(solution);
    }

    private static TemporarySolution Create() => TemporarySolution.Create(Enumerable.Range(0, Files).ToDictionary(
        index => $"C{index:00}.cs",
        index => $"namespace Lib;\n\npublic class C{index:00}\n{{\n    public int Add(int value) => value + {index};\n}}\n"));

    private static List<string> Texts(TemporarySolution solution) =>
        [.. Enumerable.Range(0, Files).Select(index => File.ReadAllText(solution.File($"Lib/C{index:00}.cs")))];

    // Runs doc under script(1), so that its stderr is a terminal and it draws its progress line ("Documenting: 3/80 …"),
    // and sends SIGINT when the interrupt's event happens.
    private static async Task<(int ExitCode, string Error)> RunDocAsync(TemporarySolution solution, Interrupt? interrupt)
    {
        using var watcher = new FileSystemWatcher(solution.File("Lib"), "*.codellama-refactor.tmp");
        var firstTemporary = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => firstTemporary.TrySetResult();
        watcher.EnableRaisingEvents = interrupt is { File: null };

        // The tool prints its process id first (perl's, kept by exec). A test host started from a non-interactive shell
        // may ignore SIGINT, and its children inherit that: reset it.
        var tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        var command = $"exec perl -e '$| = 1; $SIG{{INT}} = \"DEFAULT\"; print \"pid $$\\n\"; exec @ARGV or die' dotnet {tool} doc {solution.Directory}";
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "--quiet", "--flush", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var progress = new ProgressReader(process.StandardOutput, interrupt?.File);
        var reading = progress.ReadAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var exited = process.WaitForExitAsync();
            var pid = await progress.Pid.WaitAsync(TimeSpan.FromMinutes(1));
            var moment = interrupt switch
            {
                null => null,
                { File: null } => firstTemporary.Task,
                _ => progress.Reached,
            };
            if (moment is not null && await Task.WhenAny(moment, exited) == moment)
            {
                using var kill = Process.Start("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            await Task.WhenAll(reading, error);
            Assert.True(interrupt is null || moment!.IsCompleted, $"the run ended before its interrupt: {progress.Text}");
            return (process.ExitCode, progress.Text + await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>When to send SIGINT: at the progress line of file <paramref name="File"/>, or (null) at the first temporary file.</summary>
    private sealed record Interrupt(int? File)
    {
        public static Interrupt AtFirstTemporary { get; } = new((int?)null);

        public static Interrupt AtProgress(int file) => new(file);
    }

    // Reads what the terminal shows: the tool's process id, then progress lines, and completes Reached at file `file`.
    private sealed partial class ProgressReader(StreamReader output, int? file)
    {
        private readonly StringBuilder text = new();
        private readonly TaskCompletionSource<int> pid = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> Pid => pid.Task;

        public Task Reached => reached.Task;

        public string Text => text.ToString();

        public async Task ReadAsync()
        {
            var buffer = new char[4096];
            int read;
            while ((read = await output.ReadAsync(buffer)) > 0)
            {
                text.Append(buffer, 0, read);
                var shown = text.ToString();
                if (PidLine().Match(shown) is { Success: true } match)
                {
                    pid.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                if (file is { } wanted && Documenting().Matches(shown).Any(line => int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) >= wanted))
                {
                    reached.TrySetResult();
                }
            }

            pid.TrySetException(new InvalidOperationException($"the tool never started: {Text}"));
        }

        [GeneratedRegex(@"pid (\d+)\r?\n")]
        private static partial Regex PidLine();

        [GeneratedRegex(@"Documenting: (\d+)/")]
        private static partial Regex Documenting();
    }
}
