namespace CodeLlama.Refactor.Verification;

/// <summary>How a test run of candidate code ended.</summary>
public enum TestVerdict
{
    /// <summary>Every test project built and no test failed.</summary>
    Passed,

    /// <summary>A test failed, a project did not build or restore, or a changed file could not be copied.</summary>
    Failed,

    /// <summary>The runs took longer than the timeout; the process trees were killed.</summary>
    TimedOut,

    /// <summary>Not run: the changes hold code a model wrote, and no sandbox can be made here.</summary>
    NoSandbox,
}

/// <summary>What running the tests showed.</summary>
/// <param name="Verdict">How the run ended.</param>
/// <param name="Projects">The test projects run.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed.</param>
/// <param name="Detail">Why it did not pass (the failing tests, a timeout, a build failure, no sandbox), else null.</param>
/// <param name="Sandbox">What the tests ran in (<see cref="Sandbox.ISandbox.Description"/>), or null when they did not run.</param>
public sealed record TestOutcome(TestVerdict Verdict, int Projects, int Passed, int Failed, string? Detail, string? Sandbox)
{
    /// <summary>True when every test project ran and no test failed.</summary>
    public bool Succeeded => Verdict == TestVerdict.Passed;

    /// <summary>How the assemblies under test were made (emitted, or built and why), for <c>--verbosity detailed</c>.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The fully qualified names of the tests that failed, so that a failure convicts only the candidates whose members
    /// those tests reach; empty when none failed or the run did not get as far as the tests.
    /// </summary>
    public IReadOnlyList<string> FailedTests { get; init; } = [];

    /// <summary>
    /// Whether the test host crashed (a stack overflow, say) and the run was aborted: which test failed is then not
    /// known from this run.
    /// </summary>
    public bool Aborted { get; init; }

    /// <summary>How many test attempts the run took (each candidate set tried is one).</summary>
    public int Attempts { get; init; } = 1;
}
