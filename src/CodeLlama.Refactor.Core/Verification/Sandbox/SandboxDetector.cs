namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>What sandbox can be made here, or why none can.</summary>
/// <param name="Sandbox">The best one that works here, or null.</param>
/// <param name="Reason">Why each better one was not taken (empty when the best was).</param>
public sealed record SandboxAvailability(ISandbox? Sandbox, string Reason);

/// <summary>
/// Chooses the sandbox: bubblewrap, else unshare, each only after a probe shows it works here (user namespaces can be
/// disabled, or bwrap lack its setuid bit). The answer is probed once per process.
/// </summary>
public static class SandboxDetector
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);
    private static readonly Lazy<Task<SandboxAvailability>> Detected = new(() => DetectAsync(CancellationToken.None));

    /// <summary>The sandbox this process uses, probed on first use.</summary>
    /// <param name="cancellationToken">Stops waiting (the probe itself goes on, for the next caller).</param>
    /// <returns>The sandbox, or why there is none.</returns>
    public static Task<SandboxAvailability> GetAsync(CancellationToken cancellationToken = default) =>
        Detected.Value.WaitAsync(cancellationToken);

    /// <summary>Probes every kind in order of preference, now, without the cache.</summary>
    /// <param name="cancellationToken">Cancels the probes.</param>
    /// <returns>The first that works, or why none does.</returns>
    public static async Task<SandboxAvailability> DetectAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new SandboxAvailability(null, "sandboxed test runs need Linux (bubblewrap or user namespaces)");
        }

        var reasons = new List<string>();
        foreach (var (name, sandbox) in new (string, ISandbox?)[] { ("bwrap", BubblewrapSandbox.TryCreate()), ("unshare", UnshareSandbox.TryCreate()) })
        {
            if (sandbox is null)
            {
                reasons.Add($"{name}: not found");
                continue;
            }

            if (await ProbeAsync(sandbox, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                reasons.Add($"{name}: {failure}");
                continue;
            }

            return new SandboxAvailability(sandbox, string.Join("; ", reasons));
        }

        return new SandboxAvailability(null, string.Join("; ", reasons));
    }

    /// <summary>Runs a trivial command in <paramref name="sandbox"/>.</summary>
    /// <param name="sandbox">The sandbox to try.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Null when it worked, else what went wrong.</returns>
    public static async Task<string?> ProbeAsync(ISandbox sandbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var folder = Directory.CreateTempSubdirectory("codellama-refactor-probe-");
        try
        {
            var result = await sandbox.RunAsync(
                new SandboxCommand(folder.FullName, folder.FullName, "/bin/sh", ["-c", "echo probe > probe.txt"]), ProbeTimeout, cancellationToken)
                .ConfigureAwait(false);
            return result switch
            {
                { TimedOut: true } => $"the probe timed out after {ProbeTimeout.TotalSeconds:0} s",
                { ExitCode: not 0 } => $"the probe exited with {result.ExitCode}: {FirstLine(result.Output)}",
                _ when !File.Exists(Path.Combine(folder.FullName, "probe.txt")) => "the probe could not write to its copy",
                _ => null,
            };
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or EnvironmentException)
        {
            return exception.Message;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FirstLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
