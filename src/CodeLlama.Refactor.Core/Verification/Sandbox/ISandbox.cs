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

/// <summary>A command to run over a private copy.</summary>
/// <param name="WritableRoot">The private copy: the only folder the command may write to (besides a private /tmp).</param>
/// <param name="WorkingDirectory">Where the command starts, inside <paramref name="WritableRoot"/>.</param>
/// <param name="FileName">The program, found on PATH when not a path.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record SandboxCommand(string WritableRoot, string WorkingDirectory, string FileName, IReadOnlyList<string> Arguments);

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">The exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="Output">Standard output followed by standard error.</param>
/// <param name="TimedOut">True when the timeout killed it.</param>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut);
