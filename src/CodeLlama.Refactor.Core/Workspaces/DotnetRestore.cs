using System.Diagnostics;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>Runs <c>dotnet restore</c>, which a project needs before MSBuild can resolve its package references.</summary>
internal static class DotnetRestore
{
    public static async Task RunAsync(string path, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("restore");
        startInfo.ArgumentList.Add(path);
        startInfo.ArgumentList.Add("--verbosity");
        startInfo.ArgumentList.Add("quiet");
        startInfo.ArgumentList.Add("-nologo");
        foreach (var (name, value) in properties)
        {
            startInfo.ArgumentList.Add($"-p:{name}={value}");
        }

        using var process = Process.Start(startInfo)
            ?? throw new EnvironmentException("Could not start `dotnet restore`: is the .NET SDK on PATH?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var firstError = $"{await output.ConfigureAwait(false)}\n{await errors.ConfigureAwait(false)}"
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? $"exit code {process.ExitCode}";
            throw new InputException($"`dotnet restore {path}` failed: {firstError}");
        }
    }
}
