using CodeLlama.Refactor.Targets;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="CheckPipeline"/> looks for.</summary>
/// <param name="Visibility">Which members must be documented.</param>
public sealed record CheckOptions(Visibility Visibility = Visibility.Public);
