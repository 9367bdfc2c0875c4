namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>What sandbox can be made here, or why none can.</summary>
/// <param name="Sandbox">The best one that works here, or null.</param>
/// <param name="Reason">Why each better one was not taken (empty when the best was).</param>
public sealed record SandboxAvailability(ISandbox? Sandbox, string Reason);

/// <summary>
/// Chooses the sandbox: bubblewrap, else unshare, each only after <see cref="SandboxProbe"/> shows from inside that it
/// confines what runs in it here (user namespaces can be disabled, bwrap lack its setuid bit, or a sandbox keep the
/// privileges of the root that started it). The answer is probed once per process.
/// </summary>
public static class SandboxDetector
{
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

            if (await SandboxProbe.FailureAsync(sandbox, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                reasons.Add($"{name}: {failure}");
                continue;
            }

            return new SandboxAvailability(sandbox, string.Join("; ", reasons));
        }

        return new SandboxAvailability(null, string.Join("; ", reasons));
    }
}
