using System.Globalization;
using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.PrivateFiles;

/// <summary>
/// Folders of one run (a test copy, scratch build outputs) in the private folder, named
/// <c>KIND-PID-STARTTIME-RANDOM</c>: the process that owns it, and when that process started, so that a pid reused by
/// another process is not mistaken for the owner. A run killed with SIGKILL cannot delete its folders; the next run
/// removes those whose owner is gone, first killing any process still working in them.
/// </summary>
internal static class RunFolders
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly Lazy<string> Self = new(() => StartTime(Environment.ProcessId) ?? "0");

    /// <summary>Creates a new run folder for this process.</summary>
    /// <param name="root">The private folder.</param>
    /// <param name="kind">The start of its name, letters only.</param>
    /// <returns>Its full path.</returns>
    public static string Create(string root, string kind)
    {
        var folder = Path.Combine(root, $"{kind}-{Environment.ProcessId}-{Self.Value}-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly);
        }

        return folder;
    }

    /// <summary>Removes the run folders in <paramref name="root"/> whose owning process is gone.</summary>
    /// <param name="root">The private folder.</param>
    /// <returns>The folders removed.</returns>
    public static IReadOnlyList<string> RemoveDead(string root)
    {
        var removed = new List<string>();
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(root).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return removed;
        }

        foreach (var folder in folders)
        {
            if (Owner(Path.GetFileName(folder)) is not var (pid, started) || IsAlive(pid, started))
            {
                continue;
            }

            // A sandbox of the dead run may still be at work (a build server outside bwrap, say): it names the folder.
            CopySurvivors.Kill(folder);
            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Tried again by the next run.
            }
        }

        return removed;
    }

    /// <summary>The owner a run folder's name records, or null for a name that is not a run folder's.</summary>
    /// <param name="name">The folder's name.</param>
    /// <returns>Pid and start time.</returns>
    internal static (int Pid, string Started)? Owner(string name)
    {
        var parts = name.Split('-');
        return parts.Length == 4 && parts[0].All(char.IsAsciiLetterLower) && parts[3].Length == 32
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && parts[2].All(char.IsAsciiDigit)
            ? (pid, parts[2])
            : null;
    }

    private static bool IsAlive(int pid, string started) => StartTime(pid) is { } now && (now == started || now == "0");

    /// <summary>When process <paramref name="pid"/> started, in clock ticks since boot (field 22 of /proc/PID/stat).</summary>
    /// <param name="pid">A process id.</param>
    /// <returns>The start time; "0" for a live process where /proc is missing; null when there is no such process.</returns>
    internal static string? StartTime(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return "0";
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return ProcessTable.StatusFields(pid) is { Length: > 19 } fields ? fields[19] : null;
    }
}
