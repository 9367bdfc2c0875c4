using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

[Collection(SandboxCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BubblewrapSandboxTests
{
    private readonly ISandbox sandbox = BubblewrapSandbox.TryCreate()!;

    [BubblewrapFact]
    public async Task Environment_HasNoSecrets_AndHomeInsideTheCopy()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var seen = await SandboxChecks.EnvironmentSeenAsync(sandbox, copy);

        Assert.DoesNotContain("fake-secret", seen);
        Assert.Contains($"HOME={copy.Root}/.home", seen);
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1", seen);
    }

    [BubblewrapFact]
    public async Task LoopbackListenerOfTheHost_IsNotReached_WhileTheHostReachesIt()
    {
        using var copy = SandboxChecks.EmptyCopy();

        Assert.False(await SandboxChecks.LoopbackReachedAsync(sandbox, copy));
        Assert.True(await SandboxChecks.LoopbackReachedAsync(HostProcess.Instance, copy));
    }

    [BubblewrapFact]
    public async Task WritesOutsideTheCopy_Fail_AndInsideSucceed()
    {
        // Outside the copy and outside /tmp (the sandbox's /tmp is its own, so a folder there would just be missing): a
        // checkout under /tmp must still test the read-only root.
        var outside = Directory.CreateDirectory(Path.Combine(
            Directory.Exists("/var/tmp") ? "/var/tmp" : AppContext.BaseDirectory, "codellama-refactor-sandbox-writes", Guid.NewGuid().ToString("N")));
        try
        {
            using var copy = SandboxChecks.EmptyCopy();
            var outsideFile = Path.Combine(outside.FullName, "escaped.txt");
            var hostTemp = Path.Combine(Path.GetTempPath(), $"escaped-{Guid.NewGuid():N}.txt");

            var result = await SandboxChecks.ShellAsync(
                sandbox, copy, "echo x > \"$0\"; echo x > \"$1\"; echo x > inside.txt", default, outsideFile, hostTemp);

            Assert.Contains("Read-only file system", result.Output);
            Assert.False(File.Exists(outsideFile));
            Assert.False(File.Exists(hostTemp), "the sandbox's /tmp is its own");
            Assert.True(File.Exists(Path.Combine(copy.Root, "inside.txt")));
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [BubblewrapFact]
    public async Task Inside_TheCommandIsUnprivileged_EvenWhenRootStartedIt()
    {
        // The solution's folder is outside the copy, and outside /tmp (the sandbox's own) so that it is there to try.
        var solution = Directory.CreateDirectory(Path.Combine(
            Directory.Exists("/var/tmp") ? "/var/tmp" : AppContext.BaseDirectory, "codellama-refactor-sandbox-solution", Guid.NewGuid().ToString("N")));
        try
        {
            using var copy = SandboxChecks.EmptyCopy();

            var inside = await SandboxChecks.ShellAsync(
                sandbox,
                copy,
                """
                echo "uid=$(id -u) gid=$(id -g)"
                grep -E '^Cap(Eff|Prm|Bnd|Amb):' /proc/self/status
                mount -o remount,bind,rw / 2>&1; echo "remount=$?"
                touch "$0/planted.cs" 2>&1; echo "solution write=$?"
                unshare --user --map-root-user true 2>&1; echo "new user namespace=$?"
                """,
                default,
                solution.FullName);

            Assert.Contains($"uid={BubblewrapSandbox.SandboxUser} gid={BubblewrapSandbox.SandboxUser}", inside.Output);
            Assert.Matches(@"CapEff:\s+0000000000000000", inside.Output);
            Assert.Matches(@"CapPrm:\s+0000000000000000", inside.Output);
            Assert.Matches(@"CapBnd:\s+0000000000000000", inside.Output);
            Assert.Matches(@"remount=[1-9]", inside.Output);
            Assert.Matches(@"solution write=[1-9]", inside.Output);
            Assert.Matches(@"new user namespace=[1-9]", inside.Output);
            Assert.False(File.Exists(Path.Combine(solution.FullName, "planted.cs")));
        }
        finally
        {
            solution.Delete(recursive: true);
        }
    }

    [BubblewrapFact]
    public async Task Probe_Passes()
    {
        Assert.Null(await SandboxProbe.FailureAsync(sandbox, CancellationToken.None));
    }

    [BubblewrapFact]
    public async Task Copy_StaysReadableAndWritable_ToTheSandboxUser()
    {
        using var copy = SandboxChecks.EmptyCopy();
        File.WriteAllText(Path.Combine(copy.Root, "Order.cs"), "class Order { }");

        var result = await SandboxChecks.ShellAsync(
            sandbox, copy, "cat Order.cs && echo built > Order.dll && ls \"$0\" > /dev/null && echo cache-readable", default, DotnetPaths.PackageCache);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("class Order { }", result.Output);
        Assert.Contains("cache-readable", result.Output);
        Assert.True(File.Exists(Path.Combine(copy.Root, "Order.dll")));
    }

    [BubblewrapFact]
    public async Task UsersHome_IsHidden()
    {
        using var copy = SandboxChecks.EmptyCopy();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var marker = Path.Combine(home, $".codellama-refactor-home-{Guid.NewGuid():N}");
        File.WriteAllText(marker, "secret");
        try
        {
            var inside = await SandboxChecks.ShellAsync(sandbox, copy, "cat \"$0\"", default, marker);
            var onHost = await SandboxChecks.ShellAsync(HostProcess.Instance, copy, "cat \"$0\"", default, marker);

            Assert.NotEqual(0, inside.ExitCode);
            Assert.Equal("secret", onHost.Output);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [BubblewrapFact]
    public async Task Processes_AreInTheirOwnNamespace()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var result = await SandboxChecks.ShellAsync(sandbox, copy, "ls /proc | grep -c '^[0-9]'");

        Assert.InRange(int.Parse(result.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), 1, 5);
    }

    [BubblewrapFact]
    public async Task Cancellation_KillsTheWholeTree()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var end = await SandboxChecks.EndTreeAsync(sandbox, copy, cancel: true);

        Assert.Null(end.Result);
        Assert.True(end.Started >= 3, $"{end.Started} shell(s) seen");
        Assert.Empty(end.Survivors);
    }

    [BubblewrapFact]
    public async Task Timeout_KillsTheWholeTree()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var end = await SandboxChecks.EndTreeAsync(sandbox, copy, cancel: false);

        Assert.True(end.Result is { TimedOut: true });
        Assert.True(end.Started >= 3, $"{end.Started} shell(s) seen");
        Assert.Empty(end.Survivors);
    }
}
