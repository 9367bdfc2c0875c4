using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What became of one compile error.</summary>
public enum FixStatus
{
    /// <summary>A verified fix removed it (or a fix of another error did).</summary>
    Fixed,

    /// <summary>No candidate passed verification.</summary>
    Unfixed,

    /// <summary>Fixes compiled but the tests failed with them, so they were not written.</summary>
    RejectedByTests,

    /// <summary>
    /// The fix compiled but was not written, because the tests that reach it did not run (<see cref="FixRecord.Reason"/>
    /// says why): code a model wrote is never test-run outside a sandbox and none could be made here, or other errors
    /// remain in what the tests build, so they could not run.
    /// </summary>
    NotTested,

    /// <summary>A fix was verified, but the files as written still have the error (its file was not written).</summary>
    NotWritten,

    /// <summary>
    /// Several candidates compiled and no test reaches the change to choose among them, and none was clearly ahead of
    /// the rest (<see cref="Ranking.CandidateRanking.IsClearlyAheadAsync"/>): nothing was written; the alternatives are in
    /// <see cref="FixRecord.Tried"/> as <see cref="Verdict.Tied"/>.
    /// </summary>
    Ambiguous,

    /// <summary>
    /// Its candidates are guesses (<see cref="Candidates.TypeDirected.Guesses"/>) and no test reaches the member they
    /// change, so none was written: they are shown as suggestions (<see cref="FixRecord.Reason"/> names the member).
    /// </summary>
    UntestedGuess,
}

/// <summary>Why an error was left as it is: typed, so that reports choose the words and the JSON fields.</summary>
public enum ReasonKind
{
    /// <summary>No source offered a candidate (<see cref="FixReason.Items"/>: the sources asked).</summary>
    NoCandidate,

    /// <summary>Every candidate was rejected before the tests (<see cref="FixReason.Items"/>: each candidate and its verdict).</summary>
    Rejected,

    /// <summary>Several candidates compiled and nothing could choose (<see cref="FixReason.Items"/>: the candidates).</summary>
    Ambiguous,

    /// <summary>Its candidates are guesses and no test reaches <see cref="FixReason.Member"/> (<see cref="FixReason.Items"/>: the guesses).</summary>
    UntestedGuess,

    /// <summary>Every candidate failed a test that reaches it (<see cref="FixReason.Items"/>: the failing tests).</summary>
    FailedTests,

    /// <summary>Errors were left where its tests build, so they could not run.</summary>
    TestsBlocked,

    /// <summary>Code a model wrote is never run outside a sandbox, and none can be made here.</summary>
    NoSandbox,

    /// <summary>The tests did not run to the end (<see cref="FixReason.Items"/>: what they showed).</summary>
    TestsDidNotRun,

    /// <summary>The test runs ran out before its candidates were judged.</summary>
    TestBudgetSpent,

    /// <summary>The fix was verified, but the file as written still has the error.</summary>
    NotOnDisk,
}

/// <summary>Why an error is left: the kind and what the kind names.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Items">What the kind names (the sources asked, the candidates, the failing tests), in order.</param>
/// <param name="Member">The member the error sits in, where the kind is about it.</param>
public sealed record FixReason(ReasonKind Kind, IReadOnlyList<string> Items, string? Member = null)
{
    /// <summary>
    /// The candidate sources that threw when asked about this error (<see cref="SourceFailure"/>): the reason may be
    /// theirs, since what they would have offered is missing. Empty when every source answered.
    /// </summary>
    public IReadOnlyList<string> FailedSources { get; init; } = [];
}

/// <summary>One test run a candidate was part of.</summary>
/// <param name="Run">The run's number in this fix run, from 1.</param>
/// <param name="Passed">Whether the tests passed.</param>
/// <param name="SharedWith">How many fixes of other errors the run held besides this one.</param>
public sealed record CandidateTestRun(int Run, bool Passed, int SharedWith);

/// <summary>A candidate that was tried and what became of it.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Title">What it does.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Detail">What decided it (the diagnostics added, the errors left and the edit size), or null.</param>
/// <param name="TestRuns">The test runs it was part of, in order; empty when none.</param>
public sealed record TriedCandidate(string Source, string Title, Verdict Outcome, string? Detail = null, IReadOnlyList<CandidateTestRun>? TestRuns = null)
{
    /// <summary>
    /// True for a candidate that compiled but is never a fix (a throwing stub, a lossy cast, a suppression, a deletion):
    /// reports list it as a suggestion; it is never written.
    /// </summary>
    public bool IsSuggestion => Outcome.IsSuggestion();
}

/// <summary>One compile error and what the run did about it.</summary>
/// <param name="Error">The error as first seen.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Source">The chosen candidate's source, or null.</param>
/// <param name="Title">The chosen candidate's title, or null.</param>
/// <param name="Tried">Every candidate tried, with its outcome.</param>
/// <param name="Reason">Why the error is left; null for a fixed one (every other status has one).</param>
public sealed record FixRecord(CompileError Error, FixStatus Status, string? Source, string? Title, IReadOnlyList<TriedCandidate> Tried, FixReason? Reason = null)
{
    /// <summary>The group of errors with one root cause its fix repaired as one edit, or null for a fix of this error alone.</summary>
    public Candidates.ErrorGroup? Group { get; init; }
}

/// <summary>What <see cref="FixPipeline"/> did.</summary>
/// <param name="RootDirectory">The folder report paths are relative to.</param>
/// <param name="Errors">Every error seen, with what became of it.</param>
/// <param name="Remaining">
/// Errors left in the solution as written (or as it would be, for a dry run), wherever they are: only those excluded by
/// name are left out (<see cref="ExcludedErrors"/>).
/// </param>
/// <param name="Files">Per changed file, whether it was written.</param>
/// <param name="Iterations">Compile-and-repair rounds run.</param>
/// <param name="Tests">What the last test run showed, or null when none ran.</param>
/// <param name="Times">Wall time per stage.</param>
/// <param name="LoadDiagnostics">What loading the solution reported.</param>
/// <param name="TestRuns">How many test runs the tests took to choose among the candidates.</param>
/// <param name="MaxTestRuns">The budget of test runs (<see cref="FixOptions.MaxTestRuns"/>).</param>
public sealed record FixResult(
    string RootDirectory,
    IReadOnlyList<FixRecord> Errors,
    IReadOnlyList<CompileError> Remaining,
    IReadOnlyList<FileOutcome> Files,
    int Iterations,
    TestOutcome? Tests,
    FixTimes Times,
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics,
    int TestRuns = 0,
    int MaxTestRuns = 0) : IPipelineResult
{
    /// <summary>Errors left that the user excluded by name (<c>--exclude</c>, <c>--exclude-diagnostics</c>): not in <see cref="Remaining"/>.</summary>
    public IReadOnlyList<CompileError> ExcludedErrors { get; init; } = [];

    /// <summary>The candidate sources that threw during the run, once each, with how often and the first exception.</summary>
    public IReadOnlyList<SourceFailure> SourceFailures { get; init; } = [];

    /// <summary>
    /// True when the solution builds afterwards (apart from errors excluded by name) and every change was written (or
    /// shown, for a dry run).
    /// </summary>
    public bool IsClean => Remaining.Count == 0 && Files.All(file => file.Status is FileStatus.Written or FileStatus.DryRun);
}

/// <summary>Wall time of the stages of a fix run.</summary>
/// <param name="Loading">Opening the solution.</param>
/// <param name="Repairing">Finding errors, gathering and verifying candidates by compilation.</param>
/// <param name="Testing">Running the tests.</param>
/// <param name="Writing">Writing the files.</param>
public sealed record FixTimes(TimeSpan Loading, TimeSpan Repairing, TimeSpan Testing, TimeSpan Writing);
