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

    public static string Dotnet() => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
        ? path
        : "/usr/bin/dotnet";
}
