using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="CheckPipeline"/> looks for.</summary>
/// <param name="Visibility">Which members must be documented.</param>
/// <param name="Restore">Whether a project that was never restored is restored before it is checked.</param>
/// <param name="Files">Which files' findings are reported; null for all.</param>
/// <param name="Diagnostics">Which diagnostic ids and severities are reported; null for every error and warning.</param>
/// <param name="Properties">MSBuild global properties for loading (<c>-p:Name=Value</c>); null for none.</param>
public sealed record CheckOptions(
    Visibility Visibility = Visibility.Public,
    RestoreMode Restore = RestoreMode.Auto,
    PathFilter? Files = null,
    DiagnosticFilter? Diagnostics = null,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>How the solution is loaded.</summary>
    public LoadOptions Loading => new(Restore, Properties: Properties);
}
