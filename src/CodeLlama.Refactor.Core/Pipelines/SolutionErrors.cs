using System.Runtime.CompilerServices;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The build errors of each solution snapshot a fix run diagnoses, found once per snapshot. A snapshot is immutable,
/// so its errors never change; the run asks for the loaded solution's several times (the early exit, the first round of
/// every run of the loop) and for a repaired one twice (the round that finds nothing left, and what is left).
/// </summary>
/// <param name="documentationBuilt">The projects whose build generates documentation.</param>
internal sealed class SolutionErrors(IReadOnlySet<ProjectId> documentationBuilt)
{
    private readonly ConditionalWeakTable<Solution, Task<IReadOnlyList<BuildError>>> found = [];

    /// <summary>The build errors of <paramref name="solution"/> (<see cref="BuildErrors.FindAsync(Solution, IReadOnlySet{ProjectId}, Action{int, Project}, CancellationToken)"/>).</summary>
    public Task<IReadOnlyList<BuildError>> FindAsync(Solution solution, CancellationToken cancellationToken) =>
        found.GetValue(solution, snapshot => BuildErrors.FindAsync(snapshot, documentationBuilt, cancellationToken: cancellationToken));
}
