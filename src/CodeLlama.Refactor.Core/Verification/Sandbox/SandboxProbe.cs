using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// What a sandbox must show from inside before any test runs in it: no capabilities, a uid other than 0, a root that
/// cannot be remounted writable, a folder outside the copy (standing for the solution's folder, which is outside it
/// too) and a file of the host that cannot be written, no network interface but loopback, and a copy that can be written.
/// </summary>
public static class SandboxProbe
{
    /// <summary>
    /// The checks, in <c>/bin/sh</c> with nothing but coreutils, grep and mount; each failure prints a line that starts
    /// with <c>FAIL: </c>. <c>$0</c> is the folder outside the copy.
    /// </summary>
    internal const string Script = """
        fail() { echo "FAIL: $*"; }
        uid=$(id -u)
        [ "$uid" != 0 ] || fail "it runs as uid 0"
        for set in CapEff CapPrm CapAmb; do
          value=$(grep "^$set:" /proc/self/status | cut -f2)
          case "$value" in (''|*[!0]*) fail "it has capabilities ($set ${value:-unknown})";; esac
        done
        # A remount is tried only on a read-only root: one that is writable already fails as it is, and a remount
        # that worked on the host (a "sandbox" that confines nothing) would reset the root's mount flags.
        root=$(grep -E '^[0-9]+ [0-9]+ [0-9:]+ [^ ]+ / ' /proc/self/mountinfo | tail -n 1 | cut -d' ' -f6)
        case ",$root," in
          (*,ro,*)
            if ! command -v mount >/dev/null; then fail "mount is missing, so a remount cannot be tried"
            elif mount -o remount,bind,rw / 2>/dev/null; then fail "the root could be remounted writable"
            fi;;
          (*) fail "the root is mounted writable";;
        esac
        (echo probe > "$0/outside") 2>/dev/null && fail "a folder outside the copy could be written"
        # Opened for appending, nothing written: a host file that is there to see (the folder above may be hidden).
        (: >> /etc/passwd) 2>/dev/null && fail "a file of the host (/etc/passwd) could be opened for writing"
        interfaces=$(sed 1,2d /proc/net/dev | cut -d: -f1 | tr -d ' ' | grep -vx lo | tr '\n' ' ')
        [ -z "$interfaces" ] || fail "it has network interfaces: $interfaces"
        echo probe > probe.txt || fail "its copy could not be written"
        """;

    private const string FailurePrefix = "FAIL: ";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs the checks in <paramref name="sandbox"/>.</summary>
    /// <param name="sandbox">The sandbox to try.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Null when every check passed, else what failed.</returns>
    public static async Task<string?> FailureAsync(ISandbox sandbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        string? copy = null;
        string? outside = null;
        try
        {
            copy = PrivateFolder.CreateRunFolder("probe");
            outside = PrivateFolder.CreateRunFolder("probe");
            var result = await sandbox.RunAsync(new SandboxCommand(copy, copy, "/bin/sh", ["-c", Script, outside]), Timeout, cancellationToken)
                .ConfigureAwait(false);
            var failures = result.Output.Split('\n', StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith(FailurePrefix, StringComparison.Ordinal))
                .Select(line => line[FailurePrefix.Length..])
                .ToList();
            // Seen from the host as well: a check that printed nothing (killed, say) must not pass for one that passed.
            if (File.Exists(Path.Combine(outside, "outside")) && failures.Count == 0)
            {
                failures.Add("a folder outside the copy could be written");
            }

            if (result.TimedOut)
            {
                failures.Add($"the probe timed out after {Timeout.TotalSeconds:0} s");
            }
            else if (!File.Exists(Path.Combine(copy, "probe.txt")))
            {
                failures.Add($"the probe did not finish (exit {result.ExitCode}: {FirstLine(result.Output)})");
            }

            return failures.Count == 0 ? null : string.Join(", ", failures.Distinct(StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or EnvironmentException)
        {
            return exception.Message;
        }
        finally
        {
            foreach (var folder in new[] { copy, outside }.OfType<string>().Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string FirstLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
