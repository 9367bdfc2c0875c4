namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>Whether candidate test runs go into a sandbox (<c>fix --sandbox</c>).</summary>
public enum SandboxMode
{
    /// <summary>
    /// Use a sandbox when one can be made here; where none can, candidates a model wrote are neither test-run nor
    /// written, and the others are tested on the host.
    /// </summary>
    Auto,

    /// <summary>Refuse to start (exit 3) when no sandbox can be made here.</summary>
    Required,

    /// <summary>Run the tests on the host, unconfined, because the user said so.</summary>
    Off,
}
