using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>How <see cref="DocPipeline"/> documents a solution.</summary>
/// <param name="Visibility">Which members must be documented.</param>
/// <param name="Files">Which files are in scope.</param>
/// <param name="DryRun">True to verify and report the changes without writing them.</param>
/// <param name="TextSource">Writes the text of each element; null for the embedded templates.</param>
/// <param name="Restore">Whether a project that was never restored is restored first (a dry run restores privately).</param>
/// <param name="Properties">MSBuild global properties for loading (<c>-p:Name=Value</c>); null for none.</param>
public sealed record DocOptions(
    Visibility Visibility = Visibility.Public,
    PathFilter? Files = null,
    bool DryRun = false,
    IDocTextSource? TextSource = null,
    RestoreMode Restore = RestoreMode.Auto,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>How the solution is loaded: a dry run leaves every file under the projects' folders as it was.</summary>
    public LoadOptions Loading => new(Restore, LeaveTreeUnchanged: DryRun, Properties);
}
