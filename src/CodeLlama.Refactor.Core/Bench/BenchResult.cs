using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Bench;

/// <summary>What the engine's repair of a mutant came to.</summary>
public enum BenchOutcome
{
    /// <summary>The original text was restored, and the solution builds.</summary>
    Exact,

    /// <summary>Different text was written; the solution builds and the tests that reach the change pass.</summary>
    Passes,

    /// <summary>Not repaired (<see cref="MutantRun.LeftReason"/> or <see cref="MutantRun.Fault"/> says why); what was left is what the user would see.</summary>
    Left,

    /// <summary>Something was written, but the tests fail with it or the build has more errors than before (<see cref="MutantRun.Fault"/>).</summary>
    Wrong,
}

/// <summary>What the bench found after a write, beyond the engine's own reasons.</summary>
public enum BenchFault
{
    /// <summary>A fix was written, but errors remain (no more than the mutant had).</summary>
    ErrorsRemain,

    /// <summary>What was written leaves more errors than the mutant had.</summary>
    BuildWorse,

    /// <summary>What was written builds, but the tests of the changed project fail with it.</summary>
    TestsFail,
}

/// <summary>What became of one candidate a model source wrote for a mutant, judged on its own (for pass@k).</summary>
public enum SampleVerdict
{
    /// <summary>It restores the original code.</summary>
    Exact,

    /// <summary>Different code that compiles and passes the tests of the changed project (or compiles, where no test project depends on it).</summary>
    Passes,

    /// <summary>The allow-list gate refused it; it never ran.</summary>
    Refused,

    /// <summary>It does not compile, or the error remains, or it adds a diagnostic.</summary>
    DoesNotCompile,

    /// <summary>It compiles, but the tests fail with it.</summary>
    FailsTests,

    /// <summary>It compiles, but its tests could not run (no sandbox for model-written code, a timeout).</summary>
    NotTested,
}

/// <summary>One candidate of a model source for a mutant.</summary>
/// <param name="Source">The source, as candidates name it (<c>model:NAME</c>).</param>
/// <param name="Index">Its place in the order the model returned it, from 0.</param>
/// <param name="Verdict">What became of it.</param>
public sealed record ModelSample(string Source, int Index, SampleVerdict Verdict)
{
    /// <summary>True when it repairs the mutant.</summary>
    public bool Passed => Verdict is SampleVerdict.Exact or SampleVerdict.Passes;
}

/// <summary>One mutant and what the engine did about it.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Outcome">Exact, passes, left or wrong.</param>
/// <param name="Source">The source of the fix written for the mutant's error, or null.</param>
/// <param name="Title">That fix's title, or null.</param>
/// <param name="LeftReason">The engine's reason for leaving the mutant's error, when it did.</param>
/// <param name="Fault">What the bench found wrong after a write, or null.</param>
/// <param name="Time">How long its repair took (copy, load, model samples, fix, checks).</param>
/// <param name="TestsVerified">Whether tests ran and passed with what was written (by the engine or by the bench).</param>
/// <param name="Samples">The model sources' candidates, judged one by one; empty without a model.</param>
public sealed record MutantRun(
    Mutant Mutant,
    BenchOutcome Outcome,
    string? Source,
    string? Title,
    ReasonKind? LeftReason,
    BenchFault? Fault,
    TimeSpan Time,
    bool TestsVerified,
    IReadOnlyList<ModelSample> Samples)
{
    /// <summary>True for exact and passes: a verified repair was written.</summary>
    public bool Repaired => Outcome is BenchOutcome.Exact or BenchOutcome.Passes;

    /// <summary>
    /// The group of errors with one root cause that the written fix repaired as one edit (a rename or a signature
    /// change completed or reverted at every site), or null when the fix was for the mutant's error alone.
    /// </summary>
    public ErrorGroup? Group { get; init; }
}

/// <summary>What <see cref="BenchRunner"/> measured.</summary>
/// <param name="RootDirectory">The solution's folder.</param>
/// <param name="Plan">The plan the mutants were made by.</param>
/// <param name="Mutants">How many mutants were made (may be fewer than planned, where the code has too few sites).</param>
/// <param name="Runs">The mutants repaired so far, in order; fewer than <paramref name="Mutants"/> when interrupted.</param>
/// <param name="Candidates">How many candidates each model source was asked for (k); 0 without a model.</param>
/// <param name="Total">Wall time of the whole bench, mutant generation included.</param>
/// <param name="FixRun">Wall time of one <c>fix</c> run on a copy of the unchanged solution, or null when not measured.</param>
/// <param name="Interrupted">True when Ctrl+C stopped the run: the report is partial.</param>
/// <param name="LoadDiagnostics">What loading the solution reported.</param>
public sealed record BenchResult(
    string RootDirectory,
    MutantPlan Plan,
    int Mutants,
    IReadOnlyList<MutantRun> Runs,
    int Candidates,
    TimeSpan Total,
    TimeSpan? FixRun,
    bool Interrupted,
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics) : IPipelineResult
{
    /// <summary>True when every mutant ran and none was repaired wrongly.</summary>
    public bool IsClean => !Interrupted && Runs.All(run => run.Outcome != BenchOutcome.Wrong);

    /// <summary>What the mutants done would cost as plain <c>fix</c> runs: N × <see cref="FixRun"/>; null when not measured.</summary>
    public TimeSpan? FixRuns => FixRun * Runs.Count;

    /// <summary>
    /// <see cref="Total"/> as a multiple of <see cref="FixRuns"/>: what the bench costs beyond running <c>fix</c> once per
    /// mutant (copies, checks, model samples); null when not measured or when no mutant was done.
    /// </summary>
    public double? CostInFixRuns => FixRuns is { Ticks: > 0 } fixRuns ? Total / fixRuns : null;
}
