using System.Collections.Concurrent;
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
/// In the solution as loaded, a project the user's last build compiled from what it holds now has none
/// (<see cref="LastBuild"/>): a build would not compile it again either.
/// </summary>
internal sealed class SolutionErrors
{
    private readonly ConditionalWeakTable<Solution, Task<IReadOnlyList<BuildError>>> found = [];
    private readonly Func<Project, CancellationToken, Task<IReadOnlyList<BuildError>>> diagnose;
    private readonly Lock gate = new();
    private readonly LastBuild? lastBuild;
    private readonly List<Project> provisional = [];
    private readonly ConditionalWeakTable<Solution, Task<bool>> confirmed = [];
    private (Solution Solution, Task<IReadOnlyList<BuildError>> Errors)? latest;

    /// <summary>Errors found by compiling each project (<see cref="BuildErrors.OfProjectAsync"/>).</summary>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    /// <param name="lastBuild">The user's last build of the solution it reads, whose clean projects are not compiled; null to compile every project.</param>
    public SolutionErrors(IReadOnlySet<ProjectId> documentationBuilt, LastBuild? lastBuild = null)
        : this((project, token) => BuildErrors.OfProjectAsync(project, documentationBuilt.Contains(project.Id), token), lastBuild)
    {
    }

    /// <summary>Errors found by <paramref name="diagnose"/> for each project that must be compiled.</summary>
    /// <param name="diagnose">Gives one project's build errors.</param>
    /// <param name="lastBuild">The user's last build of the solution it reads, whose clean projects are not compiled; null to compile every project.</param>
    public SolutionErrors(Func<Project, CancellationToken, Task<IReadOnlyList<BuildError>>> diagnose, LastBuild? lastBuild = null) =>
        (this.diagnose, this.lastBuild) = (diagnose, lastBuild);

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

    /// <summary>
    /// True when every project taken as clean from the user's last build until its references' repair was known
    /// (<see cref="LastBuild.Verdict.CleanIfDeclarationsKept"/>) has no build error: in <paramref name="final"/> its
    /// references declare what they were built with, or else it compiles without one in the solution as loaded.
    /// </summary>
    /// <param name="final">The repaired solution.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>False when the errors found for the solution as loaded may have missed some. Asked once per solution.</returns>
    public Task<bool> ConfirmAsync(Solution final, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!confirmed.TryGetValue(final, out var confirming))
            {
                confirming = ConfirmNowAsync(final, cancellationToken);
                confirmed.Add(final, confirming);
            }

            return confirming;
        }
    }

    private async Task<bool> ConfirmNowAsync(Solution final, CancellationToken cancellationToken)
    {
        List<Project> pending;
        lock (gate)
        {
            pending = [.. provisional];
        }

        if (pending.Count == 0 || await lastBuild!.ConfirmAsync(final, pending.Select(project => project.Id), cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        foreach (var project in pending)
        {
            if ((await diagnose(project, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<IReadOnlyList<BuildError>> FindAsync(
        Solution solution, (Solution Solution, Task<IReadOnlyList<BuildError>> Errors)? earlier, CancellationToken cancellationToken)
    {
        var carried = await CarriedOverAsync(solution, earlier, cancellationToken).ConfigureAwait(false);
        var perProject = new ConcurrentDictionary<ProjectId, Lazy<Task<IReadOnlyList<BuildError>>>>();
        Task<IReadOnlyList<BuildError>> ErrorsOf(Project project) => perProject.GetOrAdd(project.Id, _ => new(() => carried.TryGetValue(project.Id, out var errors)
            ? Task.FromResult<IReadOnlyList<BuildError>>([.. errors.Select(error => error with { Project = project })])
            : DiagnoseAsync(solution, project, id => ErrorsOf(solution.GetProject(id)!), cancellationToken))).Value;
        return await BuildErrors.FindAsync(solution, (project, _) => ErrorsOf(project), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // A project of the solution as loaded that the user's last build shows clean is not compiled.
    private async Task<IReadOnlyList<BuildError>> DiagnoseAsync(
        Solution solution, Project project, Func<ProjectId, Task<IReadOnlyList<BuildError>>> errorsOf, CancellationToken cancellationToken)
    {
        if (lastBuild is not null && lastBuild.Reads(solution))
        {
            switch (await lastBuild.VerdictAsync(project, errorsOf, cancellationToken).ConfigureAwait(false))
            {
                case LastBuild.Verdict.Clean:
                    return [];
                case LastBuild.Verdict.CleanIfDeclarationsKept:
                    lock (gate)
                    {
                        provisional.Add(project);
                    }

                    return [];
            }
        }

        return await diagnose(project, cancellationToken).ConfigureAwait(false);
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
