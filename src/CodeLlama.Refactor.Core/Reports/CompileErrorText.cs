using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Reports;

/// <summary>
/// Compile errors in the reports: as JSON, and the line a text report ends its errors with when the user excluded some
/// by name (exit code 0 then does not mean that <c>dotnet build</c> succeeds, so the report says what it leaves out).
/// </summary>
internal static class CompileErrorText
{
    /// <summary>Writes one line naming the excluded errors by id and file, or nothing when there are none.</summary>
    /// <param name="excluded">The errors excluded by name.</param>
    /// <param name="rootDirectory">The folder paths are relative to.</param>
    /// <param name="writer">Where the line goes.</param>
    public static void WriteExcluded(IReadOnlyList<CompileError> excluded, string rootDirectory, TextWriter writer)
    {
        if (excluded.Count == 0)
        {
            return;
        }

        var groups = excluded
            .GroupBy(error => (error.Id, File: error.FilePath is null ? "(no file)" : RelativePaths.From(rootDirectory, error.FilePath)))
            .OrderBy(group => group.Key.File, StringComparer.Ordinal).ThenBy(group => group.Key.Id, StringComparer.Ordinal)
            .Select(group => $"{group.Key.Id} in {group.Key.File} ({group.Count()})");
        writer.WriteLine(
            $"{excluded.Count} compile error(s) excluded by --exclude/--exclude-diagnostics and not counted (the build still fails on them): "
            + string.Join(", ", groups));
    }

    /// <summary>Errors as the JSON reports list them.</summary>
    /// <param name="errors">The errors.</param>
    /// <param name="rootDirectory">The folder paths are relative to.</param>
    /// <returns>One object per error.</returns>
    public static IEnumerable<object> ToJson(IReadOnlyList<CompileError> errors, string rootDirectory) =>
        errors.Select(error => new
        {
            id = error.Id,
            message = error.Message,
            file = error.FilePath is null ? null : RelativePaths.From(rootDirectory, error.FilePath),
            line = error.Line,
            column = error.Column,
            project = error.ProjectName,
        });
}
