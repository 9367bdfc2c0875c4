namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>A command to run over a private copy.</summary>
/// <param name="WritableRoot">The private copy: the only folder the command may write to (besides a private /tmp).</param>
/// <param name="WorkingDirectory">Where the command starts, inside <paramref name="WritableRoot"/>.</param>
/// <param name="FileName">The program, found on PATH when not a path.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record SandboxCommand(string WritableRoot, string WorkingDirectory, string FileName, IReadOnlyList<string> Arguments);
