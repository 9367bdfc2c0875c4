using System.Diagnostics;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>The child a confirming load starts as its build host runs at the lowest priority; other children of the process do not.</summary>
public sealed class BackgroundBuildHostsTests
{
    [Fact]
    public async Task AChildNamedAsTheBuildHost_IsLowered_AndAnotherChildIsNot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Stand-ins: sleeping shells whose command lines do or do not hold the mark (one of its own: the real build hosts
        // of tests running beside this one are children of this process too).
        var mark = $"BuildHost-{Guid.NewGuid():N}";
        using var other = Sleeper("another-child");
        using var buildHost = Sleeper($"Microsoft.CodeAnalysis.Workspaces.MSBuild.{mark}.dll");
        try
        {
            await BackgroundBuildHosts.LowerAsync(mark, TimeSpan.FromSeconds(10), CancellationToken.None);

            Assert.Equal(19, Niceness(buildHost.Id));
            Assert.Equal(Niceness(Environment.ProcessId), Niceness(other.Id));
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            buildHost.Kill(entireProcessTree: true);
        }
    }

    private static Process Sleeper(string name) =>
        Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sleep 30; true", name]))!;

    // Field 19 of /proc/PID/stat.
    private static int Niceness(int pid) =>
        int.Parse(ProcessTable.StatusFields(pid)![16], System.Globalization.CultureInfo.InvariantCulture);
}
