using System.Runtime.InteropServices;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Lowers the scheduling priority of this process's MSBuild build hosts: a load that only confirms what a run already
/// started from should take the cores the run leaves idle, not share the ones it works on.
/// </summary>
internal static class BackgroundBuildHosts
{
    private const int PriorityOfProcess = 0;
    private const int Lowest = 19;

    /// <summary>Watches for build hosts started by this process for <paramref name="duration"/> and lowers each one's priority.</summary>
    /// <param name="duration">How long to watch.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that ends when watching does.</returns>
    public static async Task LowerAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var lowered = new HashSet<int>();
        var until = DateTime.UtcNow + duration;
        try
        {
            while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                foreach (var pid in BuildHostChildren().Where(lowered.Add))
                {
                    _ = SetPriority(PriorityOfProcess, pid, Lowest);
                }

                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IEnumerable<int> BuildHostChildren()
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (!int.TryParse(name, out var pid))
            {
                continue;
            }

            string stat, command;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
                command = File.ReadAllText(Path.Combine(folder, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // stat: pid (comm) state ppid …; comm may hold spaces, so the fields are read after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == self && command.Contains("Workspaces.MSBuild.BuildHost", StringComparison.Ordinal))
            {
                yield return pid;
            }
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
