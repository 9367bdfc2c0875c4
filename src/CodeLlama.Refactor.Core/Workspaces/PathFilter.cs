using Microsoft.Extensions.FileSystemGlobbing;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Which files a command looks at: include and exclude globs on paths relative to the solution's folder, with
/// Microsoft.Extensions.FileSystemGlobbing's semantics (<c>*</c> within one folder, <c>**</c> across folders, case
/// insensitive), and optionally only the files a version-control change names. No include means everything; an exclude
/// always wins.
/// </summary>
public sealed class PathFilter
{
    private readonly Matcher matcher = new(StringComparison.OrdinalIgnoreCase);
    private readonly Matcher excluded = new(StringComparison.OrdinalIgnoreCase);
    private readonly IReadOnlySet<string>? only;

    /// <summary>Creates a filter from globs.</summary>
    /// <param name="includes">Globs a path must match (any of them); none for every path.</param>
    /// <param name="excludes">Globs a path must not match.</param>
    /// <param name="only">When given, the only paths in scope (relative to the solution's folder), before the globs apply.</param>
    public PathFilter(IReadOnlyList<string> includes, IReadOnlyList<string> excludes, IEnumerable<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(includes);
        ArgumentNullException.ThrowIfNull(excludes);
        matcher.AddIncludePatterns(includes.Count == 0 ? ["**/*"] : includes.Select(Normalize));
        matcher.AddExcludePatterns(excludes.Select(Normalize));
        excluded.AddIncludePatterns(excludes.Select(Normalize));
        HasExcludes = excludes.Count > 0;
        this.only = only?.Select(path => path.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        IsEverything = includes.Count == 0 && excludes.Count == 0 && only is null;
    }

    /// <summary>A filter that lets every path through.</summary>
    public static PathFilter All { get; } = new([], []);

    /// <summary>True when the filter lets every path through.</summary>
    public bool IsEverything { get; }

    /// <summary>True when an exclude glob was given.</summary>
    public bool HasExcludes { get; }

    /// <summary>
    /// Whether an exclude glob names <paramref name="relativePath"/>: the user left that file out by name, which is the
    /// only file scope that hides a compile error (an include or a git change scopes documentation alone).
    /// </summary>
    /// <param name="relativePath">A path relative to the solution's folder, with forward slashes.</param>
    /// <returns>True when an exclude glob matches.</returns>
    public bool Excludes(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return HasExcludes && excluded.Match(relativePath.Replace('\\', '/')).HasMatches;
    }

    /// <summary>Whether <paramref name="relativePath"/> is in scope.</summary>
    /// <param name="relativePath">A path relative to the solution's folder, with forward slashes.</param>
    /// <returns>True when an include matches (or there is none), no exclude does, and the change set (if any) names it.</returns>
    public bool Matches(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/');
        if (only is not null && !only.Contains(path))
        {
            return false;
        }

        return IsEverything || matcher.Match(path).HasMatches;
    }

    // "./src/**" means "src/**" as dotnet format reads it; only that leading "./" goes, so ".github/**" stays itself.
    private static string Normalize(string glob)
    {
        var pattern = glob.Replace('\\', '/');
        while (pattern.StartsWith("./", StringComparison.Ordinal))
        {
            pattern = pattern[2..];
        }

        return pattern;
    }
}
