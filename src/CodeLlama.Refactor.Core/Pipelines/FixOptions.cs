using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Verification.Safety;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>Which tests <c>fix</c> runs before writing.</summary>
public enum TestMode
{
    /// <summary>
    /// Every test of the test projects that depend on the changed projects, before anything is written: in one run until
    /// a run fails; after that, the tests that reach a changed member first (they fail fast), then every test.
    /// </summary>
    Affected,

    /// <summary>Only the tests that reach a changed member (every test of the affected projects when they cannot be told).</summary>
    Impacted,

    /// <summary>Every test project of the solution, in full.</summary>
    All,

    /// <summary>Do not run tests; compilation alone decides.</summary>
    None,
}

/// <summary>How <see cref="FixPipeline"/> repairs a solution.</summary>
/// <param name="MaxIterations">How many compile-and-repair rounds at most.</param>
/// <param name="Tests">Which tests to run before writing.</param>
/// <param name="TestTimeout">How long the test runs of one attempt may take.</param>
/// <param name="AllowFailingTests">Write fixes even when tests fail.</param>
/// <param name="DryRun">Verify and report, write nothing.</param>
/// <param name="ExtraSources">More candidate sources (a model), tried with the embedded ones.</param>
/// <param name="Restore">Whether a project that was never restored is restored first (a dry run restores privately).</param>
/// <param name="Sandbox">Whether the tests of candidates run in a sandbox.</param>
/// <param name="AllowedCapabilities">Capabilities a candidate may add (<c>--allow-capability</c>); .editorconfig may allow more.</param>
/// <param name="MaxTestRuns">
/// How many test runs the tests may take to choose among the candidates that compiled (each run builds and tests the
/// affected test projects; one run suffices when the first-ranked candidates pass).
/// </param>
/// <param name="Files">Which files' errors are repaired and reported; null for all. A repair may still edit another file.</param>
/// <param name="Diagnostics">Which error ids are repaired and reported; null for all.</param>
/// <param name="Properties">MSBuild global properties for loading (<c>-p:Name=Value</c>); null for none.</param>
public sealed record FixOptions(
    int MaxIterations = 5,
    TestMode Tests = TestMode.Affected,
    TimeSpan? TestTimeout = null,
    bool AllowFailingTests = false,
    bool DryRun = false,
    IReadOnlyList<ICandidateSource>? ExtraSources = null,
    RestoreMode Restore = RestoreMode.Auto,
    SandboxMode Sandbox = SandboxMode.Auto,
    IReadOnlyCollection<Capability>? AllowedCapabilities = null,
    int MaxTestRuns = 8,
    PathFilter? Files = null,
    DiagnosticFilter? Diagnostics = null,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>
    /// The change under review (<c>--changed-since</c>): the declarations it altered are evidence for repairing its
    /// fallout. Null: the working tree against HEAD, in a git working tree.
    /// </summary>
    public GitChange? Change { get; init; }

    /// <summary>
    /// Where the last load of each solution is kept: a run whose projects are as they were starts repairing from it while
    /// MSBuild loads them, and writes only once MSBuild has made the same solution. Null: every run waits for MSBuild.
    /// </summary>
    public LoadCache? LoadCache { get; init; }

    /// <summary>The test timeout, 300 seconds unless given.</summary>
    public TimeSpan EffectiveTestTimeout => TestTimeout ?? TimeSpan.FromSeconds(300);

    /// <summary>How the solution is loaded: a dry run leaves every file under the projects' folders as it was.</summary>
    public LoadOptions Loading => new(Restore, LeaveTreeUnchanged: DryRun, Properties);
}
