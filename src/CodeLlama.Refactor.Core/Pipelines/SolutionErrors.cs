using System.Runtime.CompilerServices;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The build errors of each solution snapshot a fix run diagnoses, found once per snapshot. A snapshot is immutable,
/// so its errors never change; the run asks for the loaded solution's several times (the early exit, the first round of
/// every run of the loop) and for a repaired one twice (the round that finds nothing left, and what is left). A project
/// that a repair left alone, and whose references declare what they declared, keeps the errors it had in the snapshot
/// diagnosed before (<see cref="DeclarationsKept"/>): only the projects a repair can have changed are compiled again.
/// </summary>
internal sealed class SolutionErrors
{
    private readonly ConditionalWeakTable<Solution, Task<IReadOnlyList<BuildError>>> found = [];
    private readonly Func<Project, CancellationToken, Task<IReadOnlyList<BuildError>>> diagnose;
    private readonly Lock gate = new();
    private (Solution Solution, Task<IReadOnlyList<BuildError>> Errors)? latest;

    /// <summary>Errors found by compiling each project (<see cref="BuildErrors.OfProjectAsync"/>).</summary>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    public SolutionErrors(IReadOnlySet<ProjectId> documentationBuilt)
        : this((project, token) => BuildErrors.OfProjectAsync(project, documentationBuilt.Contains(project.Id), token))
    {
    }

    /// <summary>Errors found by <paramref name="diagnose"/> for each project that must be compiled.</summary>
    /// <param name="diagnose">Gives one project's build errors.</param>
    public SolutionErrors(Func<Project, CancellationToken, Task<IReadOnlyList<BuildError>>> diagnose) => this.diagnose = diagnose;

    /// <summary>The build errors of <paramref name="solution"/>, in the order <see cref="BuildErrors"/> gives them.</summary>
    public Task<IReadOnlyList<BuildError>> FindAsync(Solution solution, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!found.TryGetValue(solution, out var errors))
            {
                errors = FindAsync(solution, latest, cancellationToken);
                found.Add(solution, errors);
                latest = (solution, errors);
            }

            return errors;
        }
    }

    private async Task<IReadOnlyList<BuildError>> FindAsync(
        Solution solution, (Solution Solution, Task<IReadOnlyList<BuildError>> Errors)? earlier, CancellationToken cancellationToken)
    {
        var carried = await CarriedOverAsync(solution, earlier, cancellationToken).ConfigureAwait(false);
        return await BuildErrors.FindAsync(
            solution,
            (project, token) => carried.TryGetValue(project.Id, out var errors)
                ? Task.FromResult<IReadOnlyList<BuildError>>([.. errors.Select(error => error with { Project = project })])
                : diagnose(project, token),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // The errors of the earlier snapshot's projects that keep them, by project; none when it failed or was cancelled.
    private static async Task<IReadOnlyDictionary<ProjectId, List<BuildError>>> CarriedOverAsync(
        Solution solution, (Solution Solution, Task<IReadOnlyList<BuildError>> Errors)? earlier, CancellationToken cancellationToken)
    {
        if (earlier is not { } before)
        {
            return new Dictionary<ProjectId, List<BuildError>>();
        }

        IReadOnlyList<BuildError> errors;
        try
        {
            errors = await before.Errors.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new Dictionary<ProjectId, List<BuildError>>();
        }

        var unchanged = await DeclarationsKept.UnchangedErrorsAsync(before.Solution, solution, cancellationToken).ConfigureAwait(false);
        return unchanged.ToDictionary(id => id, id => errors.Where(error => error.Project.Id == id).ToList());
    }
}
