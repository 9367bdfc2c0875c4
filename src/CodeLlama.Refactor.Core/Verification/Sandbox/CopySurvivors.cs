using System.Diagnostics;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// The processes a run over a private copy left behind. Every process of a sandboxed run names the copy in its command
/// line (bwrap binds it, the commands run from it), and the copy's path is unique to the run, so after the run any
/// process still naming it is a survivor: a process tree whose sandbox monitor was killed from outside, say, still
/// holding the run's output pipes. They are killed before the copy is deleted.
/// </summary>
internal static class CopySurvivors
{
    public static void Kill(string copyRoot)
    {
        foreach (var pid in ProcessTable.Ids())
        {
            if (pid == Environment.ProcessId || !ProcessTable.CommandLineHolds(pid, copyRoot))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It ended meanwhile, or is not ours to kill.
            }
        }
    }
}
