using System.Diagnostics;

namespace CodeLlama.Refactor.Benchmarks;

internal static class Measure
{
    public static async Task<TimeSpan> ProcessAsync(string fileName, string workingDirectory, params string[] arguments) =>
        (await RunAsync(fileName, workingDirectory, arguments)).Elapsed;

    // Exit code 1 counts as a run: the tools exit 1 when findings or errors remain.
    public static Task<(TimeSpan Elapsed, string Output)> RunAsync(string fileName, string workingDirectory, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, [], arguments);

    // environment: variables set for the child on top of this process's own (DOTNET_ runtime settings, say).
    public static async Task<(TimeSpan Elapsed, string Output)> RunAsync(
        string fileName, string workingDirectory, IEnumerable<(string Variable, string Value)> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment)
        {
            startInfo.Environment[variable] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        return (stopwatch.Elapsed, await output);
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var ordered = samples.Order().ToList();
        return ordered[ordered.Count / 2];
    }
}
