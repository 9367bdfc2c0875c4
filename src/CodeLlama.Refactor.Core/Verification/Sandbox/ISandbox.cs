namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// Runs a command over a private copy of a solution, confined so that the code it runs cannot reach the user's files,
/// the environment's secrets, the network or the host's processes. <see cref="SandboxDetector"/> says which one can be
/// made here, or that none can.
/// </summary>
public interface ISandbox
{
    /// <summary>A short name for reports, e.g. <c>bubblewrap</c>.</summary>
    string Name { get; }

    /// <summary>What it protects and what it does not, in a sentence, for <c>--verbosity detailed</c>.</summary>
    string Description { get; }

    /// <summary>False for <see cref="HostProcess"/>, which runs the command on the host as it is.</summary>
    bool IsIsolated { get; }

    /// <summary>Runs <paramref name="command"/>; on timeout or cancellation the whole process tree is killed.</summary>
    /// <param name="command">What to run, and the copy it may write to.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="cancellationToken">Cancels the run (the process tree is killed, then this throws).</param>
    /// <returns>The exit code and output, or that it timed out.</returns>
    Task<ProcessResult> RunAsync(SandboxCommand command, TimeSpan timeout, CancellationToken cancellationToken);
}
