namespace CodeLlama.Refactor.Candidates;

/// <summary>
/// Whether a candidate source builds its code from the solution's own symbols (trusted) or writes code that may do
/// anything (untrusted: a model, or any source that does not say otherwise). Untrusted code must pass the allow-list
/// gate (<see cref="Verification.Safety.AllowListGate"/>) before it is compiled further or run.
/// </summary>
public enum CandidateTrust
{
    /// <summary>The default: the code is checked against the allow-list and runs only in the sandbox.</summary>
    Untrusted,

    /// <summary>The source only rearranges tokens and symbols the solution already has (parser tokens, IDE fixes, type-directed repairs).</summary>
    Trusted,
}
