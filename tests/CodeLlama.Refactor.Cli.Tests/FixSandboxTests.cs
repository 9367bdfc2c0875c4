using System.Diagnostics;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary><c>fix --sandbox</c>, run as its own process where the environment or a signal matters.</summary>
public sealed class FixSandboxTests
{
    internal const string BrokenOrder = """
        namespace Lib;

        public sealed class Order(int count, decimal cost)
        {
            public int Count { get; } = count;

            public decimal Cost { get; } = cost;

            public decimal Total => Count * Cst;
        }
        """;

    [UnixFact]
    public async Task Required_WithoutAnySandbox_ExitsThreeBeforeLoading()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Order.cs"] = BrokenOrder });
        // A PATH that holds dotnet and nothing else: no bwrap, no unshare.
        var (exitCode, error) = await ToolProcess.RunWithOnlyOnPathAsync(new Dictionary<string, string>(), "fix", solution.Directory, "--sandbox", "required");

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        Assert.Contains("--sandbox required", error, StringComparison.Ordinal);
        Assert.Contains("bwrap: not found", error, StringComparison.Ordinal);
        Assert.Equal(BrokenOrder, File.ReadAllText(solution.File("Lib/Order.cs")));
    }

    [Fact]
    public async Task DetailedVerbosity_SaysWhereTheTestsRun()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Order.cs"] = "namespace Lib;\n\npublic static class Order\n{\n}\n" });

        var (_, _, offError) = await CliRunner.RunAsync("fix", solution.Directory, "--sandbox", "off", "--verbosity", "detailed");

        Assert.Contains("Candidate tests run in: no sandbox: the host", offError, StringComparison.Ordinal);
    }

    [UnixFact]
    [Trait("Category", "EndToEnd")]
    public async Task CtrlC_DuringTheTestRun_LeavesNoProcessNoCopy_AndWritesNothing()
    {
        var marker = $"started-{Guid.NewGuid():N}";
        using var solution = TemporarySolution.WithSlowTest(marker, new Dictionary<string, string> { ["Order.cs"] = BrokenOrder });
        // A background job inherits SIGINT as ignored, and .NET keeps it so: reset it, as a terminal would have it.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--default-signal=INT", ToolProcess.Dotnet(), ToolProcess.Tool, "fix", solution.Directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var copy = await CopyRunningAsync(marker, process, error);
            var running = Mentioning(copy);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            // The kernel finishes off a killed namespace asynchronously: wait for the tree to be gone, not a fixed time.
            await Eventually.HoldsAsync(() => Mentioning(copy).Count == 0);

            Assert.NotEmpty(running);
            Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
            Assert.Empty(Mentioning(copy));
            Assert.False(Directory.Exists(copy), $"the copy was left behind; stderr: {await error}");
            Assert.Equal(BrokenOrder, File.ReadAllText(solution.File("Lib/Order.cs")));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // The copy whose test host wrote the marker: only then is the test run, not the restore or build, under way.
    internal static async Task<string> CopyRunningAsync(string marker, Process process, Task<string> error)
    {
        for (var wait = 0; wait < 900 && !process.HasExited; wait++)
        {
            var copy = Directory.EnumerateDirectories(PrivateFolder.Root, "run-*")
                .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "Lib.Tests", "bin", "Debug", "net10.0", marker)));
            if (copy is not null)
            {
                return copy;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The test run never started: {await error}");
    }

    internal static IReadOnlyList<string> Mentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Select(folder =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return string.Empty;
                }
            })
            .Where(commandLine => commandLine.Contains(text, StringComparison.Ordinal))
            .ToList();
}
