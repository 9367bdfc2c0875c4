using System.Runtime.InteropServices;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Lowers the scheduling priority of this process's MSBuild build host: a load that only confirms what a run already
/// started from should take the cores the run leaves idle, not share the ones it works on. Linux only (elsewhere the
/// load runs at the priority it starts with).
/// </summary>
internal static class BackgroundBuildHosts
{
    private const int PriorityOfProcess = 0;
    private const int Lowest = 19;

    // What the build host's command line names: its assembly.
    private const string BuildHostMark = "Workspaces.MSBuild.BuildHost";

    /// <summary>
    /// Watches for the build host this process starts, for at most <paramref name="duration"/>, and lowers its priority
    /// once it is there (a load starts one for .NET projects).
    /// </summary>
    /// <param name="duration">How long to watch.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that ends when watching does.</returns>
    public static Task LowerAsync(TimeSpan duration, CancellationToken cancellationToken) => LowerAsync(BuildHostMark, duration, cancellationToken);

    /// <summary>Lowers the priority of the first child process whose command line holds <paramref name="mark"/>.</summary>
    /// <param name="mark">What the child's command line holds.</param>
    /// <param name="duration">How long to watch.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that ends when watching does.</returns>
    internal static async Task LowerAsync(string mark, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var until = DateTime.UtcNow + duration;
        try
        {
            while (DateTime.UtcNow < until)
            {
                if (Child(mark) is { } pid)
                {
                    _ = SetPriority(PriorityOfProcess, pid, Lowest);
                    return;
                }

                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The load ended or was stopped first.
        }
    }

    private static int? Child(string mark)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pid in ProcessTable.Ids())
        {
            // Field 4 of stat: the parent.
            if (ProcessTable.StatusFields(pid) is { Length: > 1 } fields && fields[1] == self && ProcessTable.CommandLineHolds(pid, mark))
            {
                return pid;
            }
        }

        return null;
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
