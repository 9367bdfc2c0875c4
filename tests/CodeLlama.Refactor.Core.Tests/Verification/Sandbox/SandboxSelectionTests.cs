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
        Assert.Null(await SandboxDetector.ProbeAsync(availability.Sandbox!, CancellationToken.None));
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
