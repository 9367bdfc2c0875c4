using System.Diagnostics;
using System.Globalization;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The tool run as a process of its own, where the environment, a signal or per-process state matters.</summary>
internal static class ToolProcess
{
    /// <summary>The tool's entry assembly, beside the tests (its runtimeconfig.json is the one users run with).</summary>
    public static string Tool => Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");

    public static ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet()) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs the tool with a PATH that holds dotnet and <paramref name="scripts"/> (name to text), nothing else.</summary>
    public static async Task<(int ExitCode, string Error)> RunWithOnlyOnPathAsync(IReadOnlyDictionary<string, string> scripts, params string[] arguments)
    {
        var bin = Directory.CreateTempSubdirectory("codellama-refactor-path-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(bin.FullName, "dotnet"), Dotnet());
            foreach (var (name, text) in scripts)
            {
                File.WriteAllText(Path.Combine(bin.FullName, name), text);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(Path.Combine(bin.FullName, name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var start = Start(arguments);
            start.Environment["PATH"] = bin.FullName;
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync();
            return (process.ExitCode, error);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    public static string Dotnet() => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
        ? path
        : "/usr/bin/dotnet";

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
