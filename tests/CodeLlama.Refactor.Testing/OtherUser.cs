using System.Diagnostics;

namespace CodeLlama.Refactor.Testing;

/// <summary>
/// Another user of the same machine (uid and gid 65534, <c>nobody</c>), reached with
/// <c>setpriv --reuid=65534 --regid=65534 --clear-groups</c>: what it creates is really owned by another uid. Only root
/// can become it; elsewhere <see cref="IsAvailable"/> is false.
/// </summary>
public static class OtherUser
{
    /// <summary>The other user's uid (and gid).</summary>
    public const int Id = 65534;

    private static readonly Lazy<bool> Available = new(() => OperatingSystem.IsLinux() && TryRun("true") == 0);

    /// <summary>True when this process can act as the other user.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>Runs <c>/bin/sh -c <paramref name="script"/></c> as the other user, with <paramref name="arguments"/> as $0, $1, ….</summary>
    /// <param name="script">The shell script.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <exception cref="InvalidOperationException">It failed.</exception>
    public static void Shell(string script, params string[] arguments)
    {
        if (TryRun("/bin/sh", ["-c", script, .. arguments]) is var exit and not 0)
        {
            throw new InvalidOperationException($"`{script}` as uid {Id} exited with {exit}.");
        }
    }

    private static int TryRun(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"--reuid={Id}", $"--regid={Id}", "--clear-groups", command }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
