namespace CodeLlama.Refactor.Testing.Facts;

/// <summary>Whether a missing prerequisite fails a test rather than skipping it.</summary>
public static class Prerequisites
{
    /// <summary>
    /// True under <c>CI=true</c> (which <c>.ci/run</c> exports, as most CI services do): there the tools a test needs are
    /// installed by the run, and one that is missing is a broken run.
    /// </summary>
    public static bool RequiredByCi => IsTrue(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Whether an environment value means true, as CI services write it ("true", "True", "1").</summary>
    /// <param name="value">The value, or null when unset.</param>
    /// <returns>True for "true" in any case or "1".</returns>
    public static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
