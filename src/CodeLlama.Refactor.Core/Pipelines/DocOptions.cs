using CodeLlama.Refactor.Candidates.Documentation;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>How <see cref="DocPipeline"/> documents a solution.</summary>
/// <param name="Visibility">Which members must be documented.</param>
/// <param name="Files">Which files are in scope.</param>
/// <param name="DryRun">True to verify and report the changes without writing them.</param>
/// <param name="TextSource">Writes the text of each element; null for the embedded templates.</param>
public sealed record DocOptions(
    Visibility Visibility = Visibility.Public,
    PathFilter? Files = null,
    bool DryRun = false,
    IDocTextSource? TextSource = null);
