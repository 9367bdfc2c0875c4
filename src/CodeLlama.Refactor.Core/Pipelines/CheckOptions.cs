using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="CheckPipeline"/> looks for.</summary>
/// <param name="Visibility">Which members must be documented.</param>
/// <param name="Restore">Whether a project that was never restored is restored before it is checked.</param>
/// <param name="Files">
/// Which files' documentation findings are reported; null for all. Compile errors count wherever they are, unless an
/// exclude glob names their file.
/// </param>
/// <param name="Diagnostics">
/// Which diagnostic ids and severities of documentation findings are reported; null for all. Of compile errors, only
/// the excluded ids are left out.
/// </param>
/// <param name="Properties">MSBuild global properties for loading (<c>-p:Name=Value</c>); null for none.</param>
/// <param name="Change">
/// The git change <c>--changed-since</c> names, or null: its errors are told apart as caused by it or pre-existing.
/// </param>
public sealed record CheckOptions(
    Visibility Visibility = Visibility.Public,
    RestoreMode Restore = RestoreMode.Auto,
    PathFilter? Files = null,
    DiagnosticFilter? Diagnostics = null,
    IReadOnlyDictionary<string, string>? Properties = null,
    GitChange? Change = null)
{
    /// <summary>How the solution is loaded.</summary>
    public LoadOptions Loading => new(Restore, Properties: Properties);

    /// <summary>Where the solution's last MSBuild load is kept and read (<see cref="Workspaces.Recorded.LoadCache"/>); null to load through MSBuild every time.</summary>
    public Workspaces.Recorded.LoadCache? LoadCache { get; init; }
}
