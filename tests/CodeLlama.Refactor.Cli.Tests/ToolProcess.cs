using System.Diagnostics;
using System.Globalization;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The tool as its own process, started as a user starts it from a shell, and signalled as a terminal does.</summary>
internal static class ToolProcess
{
    /// <summary>The tool's entry assembly, beside the tests (its runtimeconfig.json is the one users run with).</summary>
    public static string Tool => Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");

    /// <summary>
    /// Runs <paramref name="command"/> (a program and its arguments) to its end, at most <paramref name="timeout"/>;
    /// <paramref name="whileRunning"/> gets the process and the task of its exit, to signal it. The process tree is killed
    /// if it is still running at the end.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyList<string> command, TimeSpan timeout, Func<Process, Task, Task>? whileRunning = null)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // MSBuild's node reuse would leave build servers behind that hold the temporary solution's files.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var exited = process.WaitForExitAsync();
            if (whileRunning is not null)
            {
                await whileRunning(process, exited);
            }

            await exited.WaitAsync(timeout);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Sends SIGINT to <paramref name="target"/>: a pid, or with a leading '-' a whole process group.</summary>
    public static async Task InterruptAsync(string target)
    {
        using var kill = Process.Start("kill", ["-INT", "--", target]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The pid as <c>kill</c> takes it.</summary>
    public static string Pid(Process process) => process.Id.ToString(CultureInfo.InvariantCulture);
}
