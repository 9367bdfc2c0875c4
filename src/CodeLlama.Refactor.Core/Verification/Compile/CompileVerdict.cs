namespace CodeLlama.Refactor.Verification;

/// <summary>What compiling a candidate decided.</summary>
public enum CompileOutcome
{
    /// <summary>The target is gone in its project and no project that compiles the change gained a diagnostic.</summary>
    Accepted,

    /// <summary>The target error is still there.</summary>
    TargetRemains,

    /// <summary>A project that compiles the change reports an error or warning it did not before.</summary>
    AddsDiagnostics,

    /// <summary>The candidate edits generated code, which the next generator run would overwrite.</summary>
    EditsGeneratedCode,

    /// <summary>The candidate adds a member that only throws <see cref="NotImplementedException"/>: never a fix.</summary>
    AddsThrowingStub,

    /// <summary>The candidate adds or removes files or references: a change to the project the edits cannot carry.</summary>
    ChangesProject,
}

/// <summary>What compiling a candidate showed.</summary>
/// <param name="Outcome">The decision.</param>
/// <param name="Added">For <see cref="CompileOutcome.AddsDiagnostics"/>, the ids added, each with the project that reports it.</param>
/// <param name="ErrorDelta">Errors after minus errors before, in the compiled scope (negative is better).</param>
/// <param name="EditSize">Characters removed plus inserted.</param>
public sealed record CompileVerdict(CompileOutcome Outcome, IReadOnlyList<string> Added, int ErrorDelta, int EditSize)
{
    /// <summary>True when the candidate may be applied.</summary>
    public bool Accepted => Outcome == CompileOutcome.Accepted;

    /// <summary>A verdict without a compile (the candidate was refused before).</summary>
    /// <param name="outcome">Why.</param>
    /// <returns>The verdict.</returns>
    public static CompileVerdict Refused(CompileOutcome outcome) => new(outcome, [], 0, 0);
}
