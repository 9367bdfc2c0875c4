using System.Diagnostics;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The tool run as a process of its own, where the environment, a signal or per-process state matters.</summary>
internal static class ToolProcess
{
    public static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");

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
}
