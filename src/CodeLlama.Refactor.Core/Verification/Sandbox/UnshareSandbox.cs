using System.Diagnostics;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// The fallback where bubblewrap is missing: <c>unshare</c> into new user, network, PID and mount namespaces, with an
/// allow-list environment. It has no read-only root: the command can write wherever the user can, and it runs as uid 0
/// of its namespace with that namespace's capabilities. <see cref="SandboxProbe"/> therefore refuses it, and the
/// detector names why; it is never chosen to run model-written code.
/// </summary>
public sealed class UnshareSandbox : ISandbox
{
    // vstest talks to its test host over loopback, which a new network namespace has down until it is brought up.
    // $0 is the path of `ip`, passed as an argument so that no path is ever quoted into the script.
    private const string LoopbackUp = "\"$0\" link set lo up || exit 97; exec \"$@\"";

    private readonly string unshare;
    private readonly string ip;

    private UnshareSandbox(string unshare, string ip) => (this.unshare, this.ip) = (unshare, ip);

    /// <inheritdoc/>
    public string Name => "unshare";

    /// <inheritdoc/>
    public string Description =>
        $"unshare ({unshare}): no network, own PID namespace, allow-list environment; NO read-only root "
        + "(the tests can write wherever the user can; install bubblewrap for that)";

    /// <inheritdoc/>
    public bool IsIsolated => true;

    /// <summary>An unshare sandbox when <c>unshare</c> and <c>ip</c> are found, else null.</summary>
    /// <returns>The sandbox, or null.</returns>
    public static UnshareSandbox? TryCreate() =>
        OperatingSystem.IsLinux()
        && Executable.Find("unshare") is { } unshare
        && Executable.Find("ip", "/usr/sbin", "/sbin") is { } ip
            ? new UnshareSandbox(unshare, ip)
            : null;

    /// <inheritdoc/>
    public Task<ProcessResult> RunAsync(SandboxCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var environment = SandboxEnvironment.For(command.WritableRoot);
        Directory.CreateDirectory(environment["HOME"]);
        var startInfo = new ProcessStartInfo(unshare) { WorkingDirectory = command.WorkingDirectory };
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        // --kill-child: the namespace's first process dies with unshare, and with it every process of the namespace.
        foreach (var argument in new[]
        {
            "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--mount-proc",
            "/bin/sh", "-c", LoopbackUp, ip, command.FileName,
        }.Concat(command.Arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return RunThenSweepAsync(startInfo, command.WritableRoot, timeout, cancellationToken);
    }

    private static async Task<ProcessResult> RunThenSweepAsync(ProcessStartInfo startInfo, string copyRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(startInfo, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CopySurvivors.Kill(copyRoot);
        }
    }
}
