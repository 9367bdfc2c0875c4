namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

/// <summary>
/// Sandbox tests run one class at a time: they count private copies in the temporary folder, scan /proc for
/// processes, and set fake secrets in this process's environment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection
{
    public const string Name = "Sandbox";
}
