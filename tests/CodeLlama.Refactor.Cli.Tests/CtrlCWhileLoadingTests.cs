using System.Diagnostics;
using CodeLlama.Refactor.Testing;
using Xunit.Abstractions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// Ctrl+C as a terminal sends it, to the whole process group (MSBuild's build host included), at moments spread over a
/// check run, most of them while the projects load: exit code 130 every time the run did not finish first.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CtrlCWhileLoadingTests(ITestOutputHelper log)
{
    private static readonly double[] Moments = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

    [UnixFact]
    public async Task Ctrl_c_at_any_moment_of_loading_is_exit_code_130()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Labels.cs"] = "namespace Lib;\n\n/// <summary>Labels.</summary>\npublic static class Labels\n{\n    /// <summary>A label.</summary>\n    /// <returns>It.</returns>\n    public static string Name() => \"x\";\n}\n",
        });
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Success, await RunCheckAsync(solution, interruptAfter: null));
        var whole = stopwatch.Elapsed;

        var cancelled = 0;
        foreach (var moment in Moments)
        {
            var delay = whole * moment;
            var exitCode = await RunCheckAsync(solution, delay);
            log.WriteLine($"Ctrl+C {delay.TotalMilliseconds:0} ms into a {whole.TotalSeconds:0.0} s run: exit {exitCode}");
            Assert.True(exitCode is ExitCodes.Cancelled or ExitCodes.Success, $"Ctrl+C {delay.TotalMilliseconds:0} ms in: exit code {exitCode}");
            cancelled += exitCode == ExitCodes.Cancelled ? 1 : 0;
        }

        Assert.True(cancelled >= Moments.Length / 2, $"only {cancelled} of {Moments.Length} runs were interrupted");
    }

    private static async Task<int> RunCheckAsync(TemporarySolution solution, TimeSpan? interruptAfter)
    {
        // setsid gives the run a process group of its own, whose id is the tool's pid, as a terminal's foreground job
        // has; perl resets SIGINT, which a test host started from a non-interactive shell may ignore, before it execs.
        var (exitCode, _, _) = await ToolProcess.RunAsync(
            ["setsid", "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", ToolProcess.Tool, "check", solution.Directory],
            TimeSpan.FromMinutes(2),
            async (process, exited) =>
            {
                if (interruptAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay)) != exited)
                {
                    await ToolProcess.InterruptAsync("-" + ToolProcess.Pid(process));
                }
            });
        return exitCode;
    }
}
