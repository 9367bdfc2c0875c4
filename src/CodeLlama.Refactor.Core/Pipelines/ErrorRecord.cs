using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// One compile error as the engine sees it during a run: created when the error is found, filled in by the repair
/// loop (its candidates and what became of them), and turned into a <see cref="FixRecord"/> once, by
/// <see cref="FixEngine"/>, when everything is known.
/// </summary>
/// <param name="error">The error as first seen.</param>
/// <param name="key">Its key, to find it again in later rounds and in the fixes applied.</param>
internal sealed class ErrorRecord(CompileError error, DiagnosticKey key)
{
    public CompileError Error { get; } = error;

    public DiagnosticKey Key { get; } = key;

    /// <summary>The member the error sits in, when it has one.</summary>
    public string? Member { get; set; }

    /// <summary>The fix applied for it in the last run of the loop, or null.</summary>
    public AppliedFix? Chosen { get; set; }

    /// <summary>The group fix, applied for another error of its group, that repaired this one too; null otherwise.</summary>
    public AppliedFix? CoveredBy { get; set; }

    /// <summary>Why its best candidate was not applied: withheld, ambiguous, an untested guess; null otherwise.</summary>
    public FixStatus? Held { get; set; }

    /// <summary>The sources asked for candidates.</summary>
    public IReadOnlyList<string> SourcesAsked { get; set; } = [];

    /// <summary>The sources that threw when asked for its candidates: what they would have offered is missing.</summary>
    public IReadOnlyList<string> SourcesFailed { get; set; } = [];

    /// <summary>Whether the error is still there after the loop.</summary>
    public bool Remains { get; set; }

    /// <summary>Every candidate of its last round, with what became of it.</summary>
    public List<TriedCandidate> Tried { get; } = [];
}
