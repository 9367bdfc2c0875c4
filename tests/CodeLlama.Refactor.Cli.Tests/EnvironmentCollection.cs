namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// Tests that set process environment variables the tool reads (the API key): they run alone, so that no other test
/// in this process sees the variable.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
