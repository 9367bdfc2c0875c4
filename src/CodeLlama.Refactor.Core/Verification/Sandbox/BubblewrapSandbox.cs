using System.Diagnostics;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// bubblewrap (<c>bwrap</c>): the root file system read-only, the user's home and /run hidden, only the copy writable
/// (and a private /tmp), new network and PID namespaces, killed with its parent, and an allow-list environment. The
/// command runs in a user namespace of its own as <see cref="SandboxUser"/> with every capability dropped and no way
/// to make another user namespace: bwrap started by root would otherwise keep uid 0 and every capability, and could
/// remount the read-only root writable.
/// </summary>
public sealed class BubblewrapSandbox : ISandbox
{
    /// <summary>The uid and gid inside the sandbox (<c>nobody</c>): never 0, whoever starts it.</summary>
    public const int SandboxUser = 65534;

    private readonly string bwrap;

    private BubblewrapSandbox(string bwrap) => this.bwrap = bwrap;

    /// <inheritdoc/>
    public string Name => "bubblewrap";

    /// <inheritdoc/>
    public string Description =>
        $"bubblewrap ({bwrap}): uid {SandboxUser} in its own user namespace with no capabilities, read-only root, home and "
        + "/run hidden, writable only the private copy and a private /tmp, no network, own PID namespace, allow-list environment";

    /// <inheritdoc/>
    public bool IsIsolated => true;

    /// <summary>A bubblewrap sandbox when <c>bwrap</c> is on PATH, else null; whether it works here is for <see cref="SandboxDetector"/> to probe.</summary>
    /// <returns>The sandbox, or null.</returns>
    public static BubblewrapSandbox? TryCreate() =>
        OperatingSystem.IsLinux() && Executable.Find("bwrap") is { } path ? new BubblewrapSandbox(path) : null;

    /// <inheritdoc/>
    public async Task<ProcessResult> RunAsync(SandboxCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await ProcessRunner.RunAsync(StartInfo(command), timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // bwrap's namespace monitor survives when bwrap itself is killed from outside: nothing of the run may.
            CopySurvivors.Kill(command.WritableRoot);
        }
    }

    private ProcessStartInfo StartInfo(SandboxCommand command)
    {
        var environment = SandboxEnvironment.For(command.WritableRoot);
        Directory.CreateDirectory(environment["HOME"]);
        var startInfo = new ProcessStartInfo(bwrap);
        // bwrap itself gets the allow-list too: what it is never given, it cannot pass on.
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var arguments = startInfo.ArgumentList;
        Add(arguments, "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts");
        // Inside, files keep their owner outside (the uid that started bwrap), so the copy and the NuGet cache stay
        // readable; without capabilities, mounts made read-only stay so (the kernel locks them in a less privileged
        // namespace), and --disable-userns keeps a new user namespace from handing capabilities back.
        var user = SandboxUser.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Add(arguments, "--unshare-user", "--disable-userns", "--uid", user, "--gid", user, "--cap-drop", "ALL");
        Add(arguments, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp");
        // Unix sockets (a Docker or D-Bus socket) can be connected to on a read-only file system: hide where they live.
        if (Directory.Exists("/run"))
        {
            Add(arguments, "--tmpfs", "/run");
        }

        // Home holds keys and credentials (~/.ssh, ~/.nuget/NuGet/NuGet.Config): hidden, but for what the build reads.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home is { Length: > 1 } && Path.IsPathRooted(home) && Directory.Exists(home))
        {
            Add(arguments, "--tmpfs", home);
            foreach (var needed in new[] { DotnetPaths.PackageCache, DotnetPaths.Root }.OfType<string>()
                .Where(path => IsUnder(path, home) && Directory.Exists(path)))
            {
                Add(arguments, "--ro-bind", needed, needed);
            }
        }

        Add(arguments, "--bind", command.WritableRoot, command.WritableRoot, "--chdir", command.WorkingDirectory, "--clearenv");
        foreach (var (name, value) in environment)
        {
            Add(arguments, "--setenv", name, value);
        }

        Add(arguments, "--", command.FileName);
        Add(arguments, [.. command.Arguments]);
        return startInfo;
    }

    private static bool IsUnder(string path, string folder) =>
        !Path.GetRelativePath(folder, path).StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(Path.GetRelativePath(folder, path));

    private static void Add(ICollection<string> arguments, params string[] values)
    {
        foreach (var value in values)
        {
            arguments.Add(value);
        }
    }
}
