using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Which compile errors count, for every command: each one, wherever it is, unless the user left it out by name, with
/// <c>--exclude-diagnostics</c> (its id) or <c>--exclude</c> (a glob naming its file). <c>--include</c>,
/// <c>--changed-since</c>, <c>--diagnostics</c> and <c>--severity</c> never hide one: a change breaks call sites in files
/// it did not touch, and a gate that passes a build the change broke is worse than none. So exit code 0 keeps meaning
/// that <c>dotnet build</c> succeeds, apart from what the user excluded, and the reports name what was excluded.
/// </summary>
/// <param name="Files">The file scope; only its exclude globs matter here.</param>
/// <param name="Diagnostics">The diagnostic scope; only its excluded ids matter here.</param>
internal sealed record ErrorScope(PathFilter? Files, DiagnosticFilter? Diagnostics)
{
    /// <summary>Whether the user excluded an error with <paramref name="id"/> in <paramref name="file"/> by name.</summary>
    /// <param name="loaded">The solution, whose folder the globs are relative to.</param>
    /// <param name="id">The error's id.</param>
    /// <param name="file">Its absolute file, or null for an error without one (never excluded by a glob).</param>
    /// <returns>True when an excluded id or an exclude glob names it.</returns>
    public bool ExcludesByName(LoadedSolution loaded, string id, string? file) =>
        (Diagnostics?.ExcludedIds.Contains(id, StringComparer.OrdinalIgnoreCase) ?? false)
        || (Files is { HasExcludes: true } && !string.IsNullOrEmpty(file) && Files.Excludes(loaded.RelativePath(file)));

    /// <summary>Splits <paramref name="errors"/> into those that count and those the user excluded by name.</summary>
    /// <param name="loaded">The solution, whose folder the globs are relative to.</param>
    /// <param name="errors">Compile errors.</param>
    /// <returns>Both lists, each in the order given.</returns>
    public (IReadOnlyList<CompileError> Counted, IReadOnlyList<CompileError> Excluded) Split(LoadedSolution loaded, IReadOnlyList<CompileError> errors)
    {
        var excluded = errors.ToLookup(error => ExcludesByName(loaded, error.Id, error.FilePath));
        return ([.. excluded[false]], [.. excluded[true]]);
    }
}
