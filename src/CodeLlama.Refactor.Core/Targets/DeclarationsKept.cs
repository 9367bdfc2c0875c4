using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// Which projects of a later snapshot of a solution report the build errors they reported in an earlier one: a project
/// whose own inputs are untouched and that references only projects declaring the same as before. What a project binds
/// to in another is that project's declarations (types, signatures, constant values, attributes), never the code inside
/// its members, so its compilation reports the same.
/// </summary>
public static class DeclarationsKept
{
    /// <summary>The C# projects of <paramref name="after"/> whose build errors are those they had in <paramref name="before"/>.</summary>
    /// <param name="before">The earlier snapshot.</param>
    /// <param name="after">A later snapshot of the same solution.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>The projects whose errors carry over; empty when projects were added or removed.</returns>
    public static async Task<IReadOnlySet<ProjectId>> UnchangedErrorsAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var changes = after.GetChanges(before);
        if (changes.GetAddedProjects().Any() || changes.GetRemovedProjects().Any())
        {
            return new HashSet<ProjectId>();
        }

        // A project whose state is the same object in both snapshots has the same documents, options and references.
        var changed = changes.GetProjectChanges().ToDictionary(change => change.ProjectId);
        var kept = new Dictionary<ProjectId, bool>();
        var graph = after.GetProjectDependencyGraph();
        var unchanged = new HashSet<ProjectId>();
        foreach (var project in after.Projects.Where(project => project.Language == LanguageNames.CSharp && !changed.ContainsKey(project.Id)))
        {
            var allKept = true;
            foreach (var reference in graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id).Where(changed.ContainsKey))
            {
                if (!kept.TryGetValue(reference, out var same))
                {
                    same = await SameDeclarationsAsync(changed[reference], cancellationToken).ConfigureAwait(false);
                    kept[reference] = same;
                }

                allKept &= same;
            }

            if (allKept)
            {
                unchanged.Add(project.Id);
            }
        }

        return unchanged;
    }

    // The same declarations: nothing but documents' texts changed, and every syntax tree of the compilation, those that
    // source generators added included, declares the same (DeclarationEquivalence).
    private static async Task<bool> SameDeclarationsAsync(ProjectChanges change, CancellationToken cancellationToken)
    {
        var (old, current) = (change.OldProject, change.NewProject);
        if (old.Language != LanguageNames.CSharp || current.Language != LanguageNames.CSharp
            || !ProjectShape.OnlyDocumentTextsDiffer(change)
            || await old.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } before
            || await current.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } after)
        {
            return false;
        }

        var earlier = before.SyntaxTrees.ToList();
        var later = after.SyntaxTrees.ToList();
        return earlier.Count == later.Count
            && earlier.Zip(later).All(pair => pair.First == pair.Second
                || (pair.First.FilePath == pair.Second.FilePath
                    && DeclarationEquivalence.AreKept(pair.First.GetRoot(cancellationToken), pair.Second.GetRoot(cancellationToken))));
    }
}
