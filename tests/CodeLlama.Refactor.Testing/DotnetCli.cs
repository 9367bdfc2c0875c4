using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Testing;

/// <summary>Runs the real <c>dotnet</c> command, for comparing the tool with what the SDK itself reports.</summary>
public static partial class DotnetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Build servers would outlive the test and hold files of the temporary copy.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The diagnostics of a <c>dotnet build</c> log: (id, absolute file, line, severity), without duplicates.</summary>
    public static IReadOnlySet<BuildDiagnostic> ParseDiagnostics(string buildOutput) =>
        DiagnosticLine().Matches(buildOutput)
            .Select(match => new BuildDiagnostic(
                match.Groups["id"].Value,
                Path.GetFullPath(match.Groups["file"].Value.Trim()),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value))
            .ToHashSet();

    [GeneratedRegex(@"^(?<file>[^\r\n(]+\.cs)\((?<line>\d+),\d+\): (?<severity>error|warning) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>One diagnostic line of a build log.</summary>
public sealed record BuildDiagnostic(string Id, string File, int Line, string Severity);
