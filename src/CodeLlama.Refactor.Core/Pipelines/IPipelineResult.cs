using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What every command's result tells its caller, whatever the command did.</summary>
public interface IPipelineResult
{
    /// <summary>What loading the solution reported.</summary>
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics { get; }

    /// <summary>True when nothing is left to report: the exit code is 0.</summary>
    bool IsClean { get; }
}
