namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>Which tests a test attempt runs.</summary>
public enum TestScope
{
    /// <summary>
    /// Every test of the given projects in one run until an attempt of the bench fails; after that, the tests that reach
    /// a changed member first, then, when they pass, every test.
    /// </summary>
    ImpactedFirst,

    /// <summary>Only the tests that reach a changed member; every test when they cannot be told.</summary>
    ImpactedOnly,

    /// <summary>Every test of the given projects.</summary>
    Full,
}
