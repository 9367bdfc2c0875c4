using System.Diagnostics;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>Runs a process to its end, or kills its whole tree on timeout or cancellation.</summary>
internal static class ProcessRunner
{
    // After a kill, output still buffered in the pipes is read for at most this long: a grandchild that escaped the
    // kill could otherwise hold the pipe open forever.
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    public static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        cancellationToken.ThrowIfCancellationRequested();
        using var process = await StartOnOwnThreadAsync(startInfo).ConfigureAwait(false);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(-1, await DrainAsync(output, error).ConfigureAwait(false), TimedOut: true);
        }

        // A process that outlived the one waited for may hold the pipes open: the output is read for a bounded time.
        return new ProcessResult(process.ExitCode, await DrainAsync(output, error).ConfigureAwait(false), TimedOut: false);
    }

    // bwrap --die-with-parent (PR_SET_PDEATHSIG) kills the sandbox when the THREAD that started it ends, not the
    // process: started from a thread-pool thread, it was killed (exit 137) whenever that thread retired. A thread of its
    // own starts the process and lives exactly as long as it does.
    private static Task<Process> StartOnOwnThreadAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Process? process;
            try
            {
                process = Process.Start(startInfo);
            }
            catch (Exception exception)
            {
                started.SetException(exception);
                return;
            }

            if (process is null)
            {
                started.SetException(new EnvironmentException($"Could not start `{startInfo.FileName}`."));
                return;
            }

            started.SetResult(process);
            try
            {
                process.WaitForExit();
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
            {
                // Disposed once the run was over: nothing is left to wait for.
            }
        })
        {
            IsBackground = true,
            Name = "sandboxed process",
        };
        thread.Start();
        return started.Task;
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the timeout and the kill.
        }

        // The copy is deleted next: wait until nothing of the tree can still write to it.
        using var wait = new CancellationTokenSource(DrainAfterKill);
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A process that survives SIGKILL this long is stuck in the kernel; nothing more can be done from here.
        }
    }

    private static async Task<string> DrainAsync(Task<string> output, Task<string> error)
    {
        var both = Task.WhenAll(output, error);
        if (await Task.WhenAny(both, Task.Delay(DrainAfterKill)).ConfigureAwait(false) != both)
        {
            return string.Empty;
        }

        var (standardOutput, standardError) = (await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        return standardOutput + standardError;
    }
}
