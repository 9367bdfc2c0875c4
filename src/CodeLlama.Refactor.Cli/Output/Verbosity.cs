namespace CodeLlama.Refactor.Cli.Output;

/// <summary>How much a command says on stderr, in MSBuild's words.</summary>
internal enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Detailed,
    Diagnostic,
}
