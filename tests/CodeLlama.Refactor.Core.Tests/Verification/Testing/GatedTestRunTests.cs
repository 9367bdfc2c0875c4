using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Testing;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

/// <summary>
/// The test run started before its outputs are written: it counts only when it waited at the gate until it opened.
/// The runners here stand in for <c>dotnet test</c>; TestBenchTests runs the gate through MSBuild.
/// </summary>
public sealed class GatedTestRunTests : IDisposable
{
    private static readonly ProcessResult Ran = new(0, "Passed!  - Failed:     0, Passed:     1", TimedOut: false);

    private readonly string project;

    public GatedTestRunTests()
    {
        var folder = Directory.CreateTempSubdirectory("gated-run-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        File.WriteAllText(Path.Combine(folder, "obj", "project.assets.json"), "{}");
        project = Path.Combine(folder, "Lib.Tests.csproj");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(project)!, recursive: true);

    [Fact]
    public async Task ARunThatWaitsAtTheGate_GoesOnOnlyOnceItOpens_AndCounts()
    {
        var runner = new Runner(async (gate, token) =>
        {
            // What the target does: wait for the gate, then leave the mark.
            while (!File.Exists(gate + ".open"))
            {
                await Task.Delay(10, token);
            }

            await File.WriteAllBytesAsync(gate + ".passed", [], token);
            return Ran;
        });
        await using var run = Start(runner);

        await Task.Delay(300);
        Assert.False(runner.Run!.IsCompleted);
        run.Open();

        Assert.Same(Ran, await run.ResultAsync());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "obj", "Lib.Tests.csproj.codellama-refactor-gate.targets")));
    }

    [Fact]
    public async Task ARunThatNeverReachedTheGate_DoesNotCount()
    {
        // A test project without the VSTest target: it ran whatever the outputs held when it got to them.
        var runner = new Runner((_, _) => Task.FromResult(Ran));
        await using var run = Start(runner);
        run.Open();

        Assert.Null(await run.ResultAsync());
    }

    [Fact]
    public async Task ARunStoppedBeforeTheGateOpens_IsCancelled_AndLeavesNoGateFiles()
    {
        var runner = new Runner(async (gate, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Ran;
        });
        var run = Start(runner);

        await run.DisposeAsync();

        Assert.True(runner.Run!.IsCanceled);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(project)!, "obj", "codellama-refactor-gate")));
    }

    [Fact]
    public void TheGateIsNamedToMSBuild_AsOneProperty()
    {
        var runner = new Runner((_, _) => Task.FromResult(Ran));
        var command = (SandboxCommand?)null;

        var run = GatedTestRun.Start(project, gate => command = new SandboxCommand("/", "/", "dotnet", ["test", gate]), runner, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.NotNull(run);
        Assert.StartsWith($"-p:{GatedTestRun.GateProperty}={Path.GetDirectoryName(project)}", command!.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectRestoredElsewhere_GetsNoGate()
    {
        // Its project extensions (and so the gate's target) are not imported from obj.
        File.Delete(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"));
        var runner = new Runner((_, _) => Task.FromResult(Ran));

        var run = GatedTestRun.Start(project, gate => new SandboxCommand("/", "/", "dotnet", ["test", gate]), runner, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Null(run);
        Assert.Null(runner.Run);
    }

    private GatedTestRun Start(Runner runner) =>
        GatedTestRun.Start(project, gate => new SandboxCommand("/", "/", "dotnet", ["test", gate]), runner, TimeSpan.FromMinutes(1), CancellationToken.None)
        ?? throw new InvalidOperationException("no gate");

    // Runs a stand-in for the test command, given the gate's path from its property.
    private sealed class Runner(Func<string, CancellationToken, Task<ProcessResult>> behave) : ISandbox
    {
        public Task<ProcessResult>? Run { get; private set; }

        public string Name => "stand-in";

        public string Description => "stand-in";

        public bool IsIsolated => false;

        public Task<ProcessResult> RunAsync(SandboxCommand command, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var gate = command.Arguments[1][$"-p:{GatedTestRun.GateProperty}=".Length..];
            Run = behave(gate, cancellationToken);
            return Run;
        }
    }
}
