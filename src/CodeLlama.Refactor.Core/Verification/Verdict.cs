namespace CodeLlama.Refactor.Verification;

/// <summary>The stage of a fix run that decided what became of a candidate.</summary>
public enum VerdictStage
{
    /// <summary>The incremental compile in every project that compiles the change, and the never-a-fix rules.</summary>
    Compile,

    /// <summary>The safety gate.</summary>
    Safety,

    /// <summary>The ranking among the candidates that compiled.</summary>
    Ranking,

    /// <summary>The tests that reach the member the candidate changes.</summary>
    Tests,
}

/// <summary>
/// What became of a candidate: one typed reason per outcome, from the first stage that decided it to the last
/// (<see cref="Verdicts.Stage"/> says which). Reports turn it into words.
/// </summary>
public enum Verdict
{
    /// <summary>The target is gone in its project and no project that compiles the change gained a diagnostic.</summary>
    Accepted,

    /// <summary>The target error was still there with it.</summary>
    TargetRemains,

    /// <summary>It added an error or warning in a project that compiles the change (detail: which, where).</summary>
    AddsDiagnostics,

    /// <summary>It edited generated code, which the next generator run would overwrite.</summary>
    EditsGeneratedCode,

    /// <summary>
    /// It compiled, but adds a member that only throws (<see cref="NotImplementedException"/> anywhere, a whole body of
    /// <see cref="NotSupportedException"/>): never a fix, shown as a suggestion.
    /// </summary>
    AddsThrowingStub,

    /// <summary>It compiled, but adds a narrowing or lossy cast (detail: from → to): never a fix, shown as a suggestion.</summary>
    AddsLossyCast,

    /// <summary>It compiled, but adds a <c>#pragma warning disable</c> or <c>#nullable disable</c>: never a fix, shown as a suggestion.</summary>
    SuppressesDiagnostics,

    /// <summary>It compiled, but adds a null-forgiving <c>!</c>: never a fix, shown as a suggestion.</summary>
    AddsNullForgiving,

    /// <summary>It compiled, but only deletes the failing code: never a fix, shown as a suggestion.</summary>
    DeletesCode,

    /// <summary>
    /// It compiled, but blocks on a task (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>; detail: which)
    /// where an <c>await</c> belongs: never a fix, shown as a suggestion.
    /// </summary>
    BlocksOnTask,

    /// <summary>It added or removed files or references, which edits of file texts cannot carry.</summary>
    ChangesProject,

    /// <summary>It adds a capability or a security diagnostic the code did not have (detail: which).</summary>
    Unsafe,

    /// <summary>It compiled and ranked first: it was applied.</summary>
    Chosen,

    /// <summary>It compiled, but another candidate ranked higher.</summary>
    RankedLower,

    /// <summary>
    /// It was not verified: a candidate of a preferred kind compiled and removed every error it could, so it could not
    /// take the first place (verified only if the tests convict that one).
    /// </summary>
    Outranked,

    /// <summary>It compiled and tied with another for first place, and no test reaches the change to choose.</summary>
    Tied,

    /// <summary>It ranked first, but was not written: the tests that reach it could not run (the record's reason says why).</summary>
    Untested,

    /// <summary>It compiled, but it is a guess no test reaches: shown as a suggestion, never written.</summary>
    UntestedGuess,

    /// <summary>The tests that reach it failed in every run it was part of.</summary>
    FailedTests,

    /// <summary>It was set aside while an earlier candidate was judged, and the test runs ran out before it was tried.</summary>
    PassedOver,
}

/// <summary>What a <see cref="Verdict"/> says beyond itself.</summary>
public static class Verdicts
{
    /// <summary>The stage that decides <paramref name="verdict"/>.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>Its stage.</returns>
    public static VerdictStage Stage(this Verdict verdict) => verdict switch
    {
        Verdict.Unsafe => VerdictStage.Safety,
        Verdict.Chosen or Verdict.RankedLower or Verdict.Tied or Verdict.Outranked => VerdictStage.Ranking,
        Verdict.Untested or Verdict.UntestedGuess or Verdict.FailedTests or Verdict.PassedOver => VerdictStage.Tests,
        _ => VerdictStage.Compile,
    };

    /// <summary>
    /// True for a candidate that compiled but is never written (a throwing stub, a lossy cast, a suppression, a
    /// deletion, a guess no test reaches): reports show it as a suggestion.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>Whether it is a suggestion.</returns>
    public static bool IsSuggestion(this Verdict verdict) => verdict is Verdict.AddsThrowingStub or Verdict.AddsLossyCast
        or Verdict.SuppressesDiagnostics or Verdict.AddsNullForgiving or Verdict.DeletesCode or Verdict.BlocksOnTask or Verdict.UntestedGuess;
}
