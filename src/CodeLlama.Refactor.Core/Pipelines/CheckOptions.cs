using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="CheckPipeline"/> looks for.</summary>
/// <param name="Visibility">Which members must be documented.</param>
/// <param name="Restore">Whether a project that was never restored is restored before it is checked.</param>
public sealed record CheckOptions(Visibility Visibility = Visibility.Public, RestoreMode Restore = RestoreMode.Auto);
