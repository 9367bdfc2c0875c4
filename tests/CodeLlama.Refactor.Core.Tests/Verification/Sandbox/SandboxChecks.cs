using System.Net;
using System.Net.Sockets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

/// <summary>What any sandbox must show, checked with small shell commands so that each check takes a second.</summary>
internal static class SandboxChecks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A copy of an empty folder.</summary>
    public static TestCopy EmptyCopy()
    {
        var source = Directory.CreateTempSubdirectory("codellama-refactor-empty-");
        try
        {
            return TestCopy.Create(source.FullName, []);
        }
        finally
        {
            source.Delete(recursive: true);
        }
    }

    public static Task<ProcessResult> ShellAsync(ISandbox sandbox, TestCopy copy, string script, CancellationToken cancellationToken = default, params string[] arguments) =>
        sandbox.RunAsync(new SandboxCommand(copy.Root, copy.Root, "/bin/sh", ["-c", script, .. arguments]), Timeout, cancellationToken);

    /// <summary>Runs <c>env</c> with fake secrets in this process's environment; returns what the command saw.</summary>
    public static async Task<string> EnvironmentSeenAsync(ISandbox sandbox, TestCopy copy)
    {
        string[] secrets = ["GITHUB_TOKEN", "NUGET_API_KEY", "AWS_SECRET_ACCESS_KEY", "AZURE_CLIENT_SECRET"];
        foreach (var name in secrets)
        {
            Environment.SetEnvironmentVariable(name, "fake-secret-" + name);
        }

        try
        {
            var result = await ShellAsync(sandbox, copy, "env");
            Assert.Equal(0, result.ExitCode);
            return result.Output;
        }
        finally
        {
            foreach (var name in secrets)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    /// <summary>Whether a connection to a loopback listener of this process, tried inside, reached it.</summary>
    public static async Task<bool> LoopbackReachedAsync(ISandbox sandbox, TestCopy copy)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            await ShellAsync(sandbox, copy, "exec bash -c 'echo hello > /dev/tcp/127.0.0.1/'\"$0\"", default, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // A connection that got through waits in the accept queue; the shell has exited, so it is there already, and
            // the short wait only allows for the kernel's own delivery.
            return await Eventually.HoldsAsync(listener.Pending, TimeSpan.FromSeconds(2));
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Starts a tree of shells (each naming the copy in its command line) that would run forever, ends the run by
    /// cancelling it once the tree is up (or by a short timeout), and says what ran and what was left.
    /// </summary>
    public static async Task<TreeEnd> EndTreeAsync(ISandbox sandbox, TestCopy copy, bool cancel)
    {
        var child = Path.Combine(copy.Root, "child.sh");
        File.WriteAllText(child, "while :; do sleep 1; done\n");
        File.WriteAllText(Path.Combine(copy.Root, "parent.sh"), $"sh '{child}' &\nsh '{child}' &\nsh '{child}'\n");
        using var cancellation = new CancellationTokenSource();
        var run = sandbox.RunAsync(
            new SandboxCommand(copy.Root, copy.Root, "/bin/sh", [Path.Combine(copy.Root, "parent.sh")]),
            cancel ? Timeout : TimeSpan.FromSeconds(5),
            cancellation.Token);
        var seen = 0;
        for (var wait = 0; wait < 100 && seen < 3 && !run.IsCompleted; wait++)
        {
            await Task.Delay(100);
            seen = ProcessTable.Mentioning(child).Count;
        }

        if (cancel)
        {
            await cancellation.CancelAsync();
        }

        ProcessResult? result = null;
        try
        {
            result = await run;
        }
        catch (OperationCanceledException)
        {
        }

        // The kernel finishes off a killed namespace asynchronously: wait for the tree to be gone (a survivor never goes).
        await Eventually.HoldsAsync(() => ProcessTable.Mentioning(copy.Root).Count == 0);
        return new TreeEnd(result, seen, ProcessTable.Mentioning(copy.Root));
    }
}

/// <summary>How a tree of processes ended.</summary>
/// <param name="Result">The run's result, or null when it was cancelled.</param>
/// <param name="Started">How many of the tree's shells were seen running.</param>
/// <param name="Survivors">Processes that still mention the copy afterwards.</param>
internal sealed record TreeEnd(ProcessResult? Result, int Started, IReadOnlyList<string> Survivors);
