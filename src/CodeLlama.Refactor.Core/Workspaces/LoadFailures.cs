using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Decides which of the workspace's load failures stop the run. MSBuildWorkspace reports every message of a design-time
/// build as a failure, restore warnings included (NU1603, NU1701, NU1900: the build itself succeeds), and its messages
/// carry no level or code to tell them apart, while a project file that cannot be read at all comes as a warning. So
/// the outcome decides: a message about a project that loaded with a compilation and its references is a warning; a
/// project without one, or a failure about no project at all (a solution entry that could not be read), refuses the run.
/// </summary>
internal static partial class LoadFailures
{
    // MSBuild's message when a project was never restored.
    public const string AssetsFileMissing = "NETSDK1004";

    /// <summary>Splits what loading reported into what is shown as warnings and what refuses the run.</summary>
    /// <param name="solution">The solution as loaded.</param>
    /// <param name="diagnostics">What the workspace reported.</param>
    /// <returns>The warnings (with failures about usable projects among them) and the fatal failures.</returns>
    public static (IReadOnlyList<LoadDiagnostic> Warnings, IReadOnlyList<LoadDiagnostic> Fatal) Classify(
        Solution solution, IReadOnlyList<LoadDiagnostic> diagnostics)
    {
        var usable = solution.Projects
            .Where(project => project.FilePath is not null)
            .GroupBy(project => project.FilePath!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.All(HasCompilation), StringComparer.Ordinal);
        var warnings = new List<LoadDiagnostic>();
        var fatal = new List<LoadDiagnostic>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var about = usable.Where(project => diagnostic.Message.Contains(project.Key, StringComparison.Ordinal)).ToList();
            // The workspace reports a project file it could not read as a mere warning, and still adds an empty
            // project for it: what decides is whether the project it names compiles, not the level it was given.
            var fatalHere = about.Any(project => !project.Value)
                || (diagnostic.IsFailure && (about.Count == 0 || diagnostic.Message.Contains(AssetsFileMissing, StringComparison.Ordinal)));
            if (fatalHere)
            {
                fatal.Add(diagnostic with { IsFailure = true });
                explained.UnionWith(about.Select(project => project.Key));
            }
            else
            {
                warnings.Add(new LoadDiagnostic(false, Plain(diagnostic.Message)));
            }
        }

        fatal.AddRange(usable.Where(project => !project.Value && !explained.Contains(project.Key))
            .Select(project => new LoadDiagnostic(true, $"{project.Key}: loaded without a compilation (no compiler settings or references).")));
        return (warnings, fatal);
    }

    // A project whose file could not be read, or whose design-time build never reached the compiler, is added without
    // the compiler's command line: no output path, no documents, only the workspace's own corlib as a reference, so
    // nothing in it would bind.
    private static bool HasCompilation(Project project) =>
        project.SupportsCompilation && !string.IsNullOrEmpty(project.OutputFilePath) && project.MetadataReferences.Count > 1;

    // "Msbuild failed when processing the file 'X' with message: Y" reads as an error; what the user needs is X and Y.
    private static string Plain(string message) => MSBuildWrapper().Match(message) is { Success: true } match
        ? $"{match.Groups["file"].Value}: {match.Groups["message"].Value}"
        : message;

    [GeneratedRegex("^Msbuild failed when processing the file '(?<file>[^']+)' with message: (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex MSBuildWrapper();
}
