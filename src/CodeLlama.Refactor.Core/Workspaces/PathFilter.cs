using System.Text;
using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Include and exclude globs on paths relative to the solution's folder: <c>*</c> within one folder, <c>**</c> across
/// folders, <c>?</c> one character. No include means everything; an exclude always wins.
/// </summary>
public sealed class PathFilter(IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
{
    private readonly IReadOnlyList<Regex> includePatterns = includes.Select(ToRegex).ToList();
    private readonly IReadOnlyList<Regex> excludePatterns = excludes.Select(ToRegex).ToList();

    /// <summary>A filter that lets every path through.</summary>
    public static PathFilter All { get; } = new([], []);

    /// <summary>Whether <paramref name="relativePath"/> is in scope.</summary>
    /// <param name="relativePath">A path relative to the solution's folder, with forward slashes.</param>
    /// <returns>True when an include matches (or there is none) and no exclude does.</returns>
    public bool Matches(string relativePath) =>
        (includePatterns.Count == 0 || includePatterns.Any(pattern => pattern.IsMatch(relativePath)))
        && !excludePatterns.Any(pattern => pattern.IsMatch(relativePath));

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        var normalized = glob.Replace('\\', '/').TrimStart('.', '/');
        for (var i = 0; i < normalized.Length; i++)
        {
            var character = normalized[i];
            if (character == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                var slashFollows = i + 2 < normalized.Length && normalized[i + 2] == '/';
                pattern.Append(slashFollows ? "(.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else
            {
                pattern.Append(character switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(character.ToString()),
                });
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
