using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// For a command that reports only a build's errors: the compiler's nullable flow analysis is left out of every project
/// in which none of its warnings can be an error. That analysis reports warnings only (CS8600 and the like), never an
/// error of its own, and costs about a quarter of binding method bodies where nullable annotations are on; a project
/// that makes warnings errors (<c>TreatWarningsAsErrors</c>, a <c>WarningsAsErrors</c> or <c>.editorconfig</c> /
/// <c>.globalconfig</c> severity of error for any CS8xxx diagnostic) keeps it.
/// </summary>
/// <remarks>
/// The analysis is turned off through the compiler's own switch (the parse option feature
/// <c>run-nullable-analysis=never</c>); annotations still shape every declaration, so what binds and what is an error do
/// not change. The parse options are set before any file is parsed, so nothing is parsed twice.
/// </remarks>
public static partial class ErrorsOnlyAnalysis
{
    private const string Feature = "run-nullable-analysis";

    /// <summary><paramref name="solution"/> with nullable flow analysis off where none of its warnings can fail the build.</summary>
    /// <param name="solution">A loaded solution.</param>
    /// <returns>The solution to compile for its errors.</returns>
    public static Solution Apply(Solution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        foreach (var project in solution.Projects)
        {
            if (project.ParseOptions is CSharpParseOptions parse && !parse.Features.ContainsKey(Feature)
                && project.CompilationOptions is { } options && !NullableWarningsMayBeErrors(project, options))
            {
                solution = solution.WithProjectParseOptions(project.Id, parse.WithFeatures(
                    parse.Features.Append(new KeyValuePair<string, string>(Feature, "never"))));
            }
        }

        return solution;
    }

    /// <summary>
    /// True when some warning of the CS8xxx range (where every nullable warning is) may be an error in the project:
    /// all warnings are, one of those is named in its options, or an analyzer config file sets one to error.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="options">Its compilation options.</param>
    /// <returns>Whether nullable warnings may fail its build.</returns>
    internal static bool NullableWarningsMayBeErrors(Project project, CompilationOptions options) =>
        options.GeneralDiagnosticOption == ReportDiagnostic.Error
        || options.SpecificDiagnosticOptions.Any(entry => IsInRange(entry.Key) && entry.Value == ReportDiagnostic.Error)
        || project.AnalyzerConfigDocuments.Any(document => Text(document) is not { } text || SetsAnErrorInRange().IsMatch(text));

    // The file's text as loaded, else as it is on disk; null when neither can be read.
    private static string? Text(TextDocument document)
    {
        if (document.TryGetText(out var loaded))
        {
            return loaded.ToString();
        }

        try
        {
            return document.FilePath is { } path ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsInRange(string id) => id.Length == 6 && id.StartsWith("CS8", StringComparison.OrdinalIgnoreCase);

    // dotnet_diagnostic.CS8602.severity = error, in any case and spacing.
    [GeneratedRegex(@"dotnet_diagnostic\.cs8\d{3}\.severity\s*=\s*error", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetsAnErrorInRange();
}
