using Microsoft.CodeAnalysis;

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

    /// <summary>
    /// It compiles, but adds a member that only throws (<see cref="NotImplementedException"/> anywhere, a whole body of
    /// <see cref="NotSupportedException"/>): never a fix.
    /// </summary>
    AddsThrowingStub,

    /// <summary>It compiles, but adds an explicit cast that narrows or loses information (decimal → int): never a fix.</summary>
    AddsLossyCast,

    /// <summary>It compiles, but adds a <c>#pragma warning disable</c> or <c>#nullable disable</c>: never a fix.</summary>
    SuppressesDiagnostics,

    /// <summary>It compiles, but adds a <c>!</c> that tells the compiler a value is not null: never a fix.</summary>
    AddsNullForgiving,

    /// <summary>It compiles, but only deletes code of the file with the error (see <c>DeletedCode</c>): never a fix.</summary>
    DeletesCode,

    /// <summary>The candidate adds or removes files or references: a change to the project the edits cannot carry.</summary>
    ChangesProject,
}

/// <summary>What compiling a candidate showed.</summary>
/// <param name="Outcome">The decision.</param>
/// <param name="Added">For <see cref="CompileOutcome.AddsDiagnostics"/>, the ids added, each with the project that reports it.</param>
/// <param name="ErrorDelta">Errors after minus errors before, in the compiled scope (negative is better).</param>
/// <param name="EditSize">Characters removed plus inserted.</param>
/// <param name="Detail">For a candidate that compiles but is never a fix, what makes it one (the cast, the file), else null.</param>
public sealed record CompileVerdict(CompileOutcome Outcome, IReadOnlyList<string> Added, int ErrorDelta, int EditSize, string? Detail = null)
{
    /// <summary>
    /// The projects whose diagnostics were compared: the changed ones, and the projects that depend on them when the
    /// change reaches what they see (the reference assembly); empty when the candidate was refused before compiling.
    /// </summary>
    public IReadOnlyList<ProjectId> Compiled { get; init; } = [];

    /// <summary>True when the candidate may be applied.</summary>
    public bool Accepted => Outcome == CompileOutcome.Accepted;

    /// <summary>
    /// True when the candidate compiled but is never a fix (a throwing stub, a lossy cast, a suppression, a deletion): it
    /// may be shown as a suggestion, never written.
    /// </summary>
    public bool IsNeverAFix => Outcome is CompileOutcome.AddsThrowingStub or CompileOutcome.AddsLossyCast
        or CompileOutcome.SuppressesDiagnostics or CompileOutcome.AddsNullForgiving or CompileOutcome.DeletesCode;

    /// <summary>A verdict without a compile (the candidate was refused before).</summary>
    /// <param name="outcome">Why.</param>
    /// <returns>The verdict.</returns>
    public static CompileVerdict Refused(CompileOutcome outcome) => new(outcome, [], 0, 0);
}
