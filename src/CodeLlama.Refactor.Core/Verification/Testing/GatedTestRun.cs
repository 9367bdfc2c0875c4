using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// A <c>dotnet test --no-build</c> started before the assemblies it tests are written. About a third of such a run is
/// MSBuild starting and evaluating the test project before its VSTest target starts the test platform; that part runs
/// beside the emit. A target added to the copy's obj folder (which MSBuild imports as a project extension, as it
/// imports NuGet's) waits before VSTest until <see cref="Open"/> says the outputs are written, and then leaves a mark.
/// The run counts only when it left that mark: a run that never reached the gate (a test project that runs no VSTest
/// target, one whose obj folder is elsewhere) may have read the outputs before they were written, and
/// <see cref="ResultAsync"/> gives null so that the caller runs the tests again.
/// </summary>
internal sealed class GatedTestRun : IAsyncDisposable
{
    /// <summary>The MSBuild property that turns the gate on; without it the target does nothing.</summary>
    public const string GateProperty = "CodeLlamaRefactorGate";

    private const string GateFolder = "codellama-refactor-gate";

    // The target runs before VSTest in every build of the project that names a gate, outer and inner (one per target
    // framework) alike. Exec runs /bin/sh: the gate is not used on Windows.
    private const string GateTargets = $"""
        <Project>
          <Target Name="CodeLlamaRefactorWaitForOutputs" BeforeTargets="VSTest" Condition="'$({GateProperty})' != ''">
            <Exec Command="while [ ! -e &quot;$({GateProperty}).open&quot; ]; do sleep 0.02; done; : &gt; &quot;$({GateProperty}).passed&quot;" />
          </Target>
        </Project>
        """;

    private readonly string gate;
    private readonly CancellationTokenSource stop;
    private readonly Task<ProcessResult> run;

    private GatedTestRun(string gate, CancellationTokenSource stop, Task<ProcessResult> run)
    {
        this.gate = gate;
        this.stop = stop;
        this.run = run;
    }

    /// <summary>
    /// Starts <paramref name="command"/> (a <c>dotnet test --no-build</c> of <paramref name="projectCopy"/>) with the gate
    /// closed; null where no gate can be made (Windows, a project restored elsewhere than its obj folder, a path MSBuild
    /// would read as more than one value).
    /// </summary>
    /// <param name="projectCopy">The test project's file in the copy.</param>
    /// <param name="command">The test command, given the property that names the gate to add to it.</param>
    /// <param name="runner">What runs it: the sandbox or the host.</param>
    /// <param name="timeout">How long the run may take, waiting at the gate included.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static GatedTestRun? Start(
        string projectCopy, Func<string, SandboxCommand> command, ISandbox runner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The restore's assets file lies where MSBuild looks for project extensions: where it is not in obj, the
        // target would not be imported, and the run would be made for nothing.
        var obj = Path.Combine(Path.GetDirectoryName(projectCopy)!, "obj");
        if (OperatingSystem.IsWindows() || !File.Exists(Path.Combine(obj, "project.assets.json")))
        {
            return null;
        }

        var gate = Path.Combine(obj, GateFolder, Guid.NewGuid().ToString("N"));
        if (gate.IndexOfAny([';', '%', '"', '$', '`', '\\', '\'']) >= 0)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(gate)!);
        // Written for every run: code an earlier attempt ran in the copy could have changed it.
        File.WriteAllText(Path.Combine(obj, Path.GetFileName(projectCopy) + "." + GateFolder + ".targets"), GateTargets);

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new GatedTestRun(gate, stop, runner.RunAsync(command($"-p:{GateProperty}={gate}"), timeout, stop.Token));
    }

    /// <summary>Lets the run go on to its tests: call once the outputs it tests are written.</summary>
    public void Open() => File.WriteAllBytes(gate + ".open", []);

    /// <summary>The run's result once it ends; null when it did not wait at the gate, and so does not count.</summary>
    public async Task<ProcessResult?> ResultAsync()
    {
        var result = await run.ConfigureAwait(false);
        return File.Exists(gate + ".passed") ? result : null;
    }

    /// <summary>Stops the run if it is still going (its process tree is killed) and removes the gate's files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!run.IsCompleted)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Stopped here, or failed: ResultAsync has given its caller what it had to, and nothing else waits for it.
        }
        finally
        {
            stop.Dispose();
            File.Delete(gate + ".open");
            File.Delete(gate + ".passed");
        }
    }
}
