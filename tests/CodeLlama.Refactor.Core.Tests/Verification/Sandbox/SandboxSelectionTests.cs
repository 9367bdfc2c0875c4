using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

[Collection(SandboxCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SandboxSelectionTests
{
    [BubblewrapFact]
    public async Task Detector_PrefersBubblewrap_WhereItWorks()
    {
        var availability = await SandboxDetector.DetectAsync(CancellationToken.None);

        Assert.IsType<BubblewrapSandbox>(availability.Sandbox);
        Assert.Null(await SandboxProbe.FailureAsync(availability.Sandbox!, CancellationToken.None));
    }

    [LinuxFact]
    public async Task Probe_FailsOnTheHost_NamingWhatIsNotConfined()
    {
        var failure = await SandboxProbe.FailureAsync(HostProcess.Instance, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.Contains("a folder outside the copy could be written", failure, StringComparison.Ordinal);
        Assert.Contains("the root is mounted writable", failure, StringComparison.Ordinal);
        if (CodeLlama.Refactor.PrivateFiles.UnixFiles.EffectiveUserId == 0)
        {
            Assert.Contains("it runs as uid 0", failure, StringComparison.Ordinal);
            Assert.Contains("it has capabilities (CapEff", failure, StringComparison.Ordinal);
            Assert.Contains("a file of the host (/etc/passwd) could be opened for writing", failure, StringComparison.Ordinal);
        }
    }

    [UnshareFact]
    public async Task Probe_RefusesTheUnshareFallback_WhichRunsAsRootOfItsNamespace()
    {
        var failure = await SandboxProbe.FailureAsync(UnshareSandbox.TryCreate()!, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.Contains("it runs as uid 0", failure, StringComparison.Ordinal);
        Assert.Contains("a folder outside the copy could be written", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_WhenNoSandboxPassedTheProbe_IsAnEnvironmentError_AndAutoTestsNoModelCode()
    {
        var none = new SandboxAvailability(null, "bwrap: it runs as uid 0, it has capabilities (CapEff 000001ffffffffff)");

        var error = Assert.Throws<EnvironmentException>(() => SandboxSelection.Choose(SandboxMode.Required, none));

        Assert.Contains("--sandbox required, but no sandbox can be made here (bwrap: it runs as uid 0", error.Message, StringComparison.Ordinal);
        Assert.Null(SandboxSelection.Choose(SandboxMode.Auto, none));
    }

    [Fact]
    public async Task Off_IsTheHost_Unconfined()
    {
        var sandbox = await SandboxSelection.ForAsync(SandboxMode.Off, CancellationToken.None);

        Assert.Same(HostProcess.Instance, sandbox);
        Assert.False(sandbox!.IsIsolated);
    }

    [Fact]
    public async Task ModelWrittenChanges_WithoutASandbox_AreNotTested()
    {
        var outcome = await TestRunner.RunAsync(
            Path.GetTempPath(), [(Path.Combine(Path.GetTempPath(), "Code.cs"), "class C {}")], [], TimeSpan.FromMinutes(1),
            sandbox: null, modelWritten: true, CancellationToken.None);

        Assert.Equal(TestVerdict.NoSandbox, outcome.Verdict);
        Assert.False(outcome.Succeeded);
        Assert.Equal("not tested: no sandbox", outcome.Detail);
        Assert.Null(outcome.Sandbox);
    }
}
