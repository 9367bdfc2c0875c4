using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>What compiling a candidate showed.</summary>
/// <param name="Outcome">The decision.</param>
/// <param name="Added">For <see cref="Verdict.AddsDiagnostics"/>, the ids added, each with the project that reports it.</param>
/// <param name="ErrorDelta">Errors after minus errors before, in the compiled scope (negative is better).</param>
/// <param name="EditSize">Characters removed plus inserted.</param>
/// <param name="Detail">For a candidate that compiles but is never a fix, what makes it one (the cast, the file), else null.</param>
public sealed record CompileVerdict(Verdict Outcome, IReadOnlyList<string> Added, int ErrorDelta, int EditSize, string? Detail = null)
{
    /// <summary>
    /// The projects whose diagnostics were compared: the changed ones, and the projects that depend on them when the
    /// change reaches what they see (the reference assembly); empty when the candidate was refused before compiling.
    /// </summary>
    public IReadOnlyList<ProjectId> Compiled { get; init; } = [];

    /// <summary>True when the candidate may be applied.</summary>
    public bool Accepted => Outcome == Verdict.Accepted;

    /// <summary>
    /// True when the candidate compiled but is never a fix (a throwing stub, a lossy cast, a suppression, a deletion): it
    /// may be shown as a suggestion, never written.
    /// </summary>
    public bool IsNeverAFix => Outcome.IsSuggestion();

    /// <summary>A verdict without a compile (the candidate was refused before).</summary>
    /// <param name="outcome">Why.</param>
    /// <returns>The verdict.</returns>
    public static CompileVerdict Refused(Verdict outcome) => new(outcome, [], 0, 0);
}
