using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

[Collection(SandboxCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UnshareSandboxTests
{
    private readonly ISandbox sandbox = UnshareSandbox.TryCreate()!;

    [UnshareFact]
    public async Task Environment_HasNoSecrets()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var seen = await SandboxChecks.EnvironmentSeenAsync(sandbox, copy);

        Assert.DoesNotContain("fake-secret", seen);
        Assert.Contains($"HOME={copy.Root}/.home", seen);
    }

    [UnshareFact]
    public async Task LoopbackListenerOfTheHost_IsNotReached_ButItsOwnLoopbackIsUp()
    {
        using var copy = SandboxChecks.EmptyCopy();

        // vstest talks to its test host over loopback: the namespace's own must be up, and it must be all there is.
        var links = await SandboxChecks.ShellAsync(sandbox, copy, "PATH=$PATH:/usr/sbin:/sbin ip -o link show");

        Assert.False(await SandboxChecks.LoopbackReachedAsync(sandbox, copy));
        Assert.Matches(@"^1: lo: <LOOPBACK,UP,LOWER_UP>[^\n]*\n?$", links.Output);
    }

    [UnshareFact]
    public void Description_SaysItHasNoReadOnlyRoot()
    {
        Assert.Contains("NO read-only root", sandbox.Description, StringComparison.Ordinal);
    }

    [UnshareFact]
    public async Task Cancellation_KillsTheWholeTree()
    {
        using var copy = SandboxChecks.EmptyCopy();

        var end = await SandboxChecks.EndTreeAsync(sandbox, copy, cancel: true);

        Assert.Null(end.Result);
        Assert.True(end.Started >= 3, $"{end.Started} shell(s) seen");
        Assert.Empty(end.Survivors);
    }
}
