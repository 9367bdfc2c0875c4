namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">The exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="Output">Standard output followed by standard error.</param>
/// <param name="TimedOut">True when the timeout killed it.</param>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut);
