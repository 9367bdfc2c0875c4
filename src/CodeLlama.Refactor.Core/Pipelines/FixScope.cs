using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>Which errors <c>fix</c> repairs and reports: those in the files and of the ids its options name.</summary>
internal static class FixScope
{
    /// <summary>The targets in scope, or null when every error is.</summary>
    public static Func<BuildError, bool>? Of(LoadedSolution loaded, FixOptions options)
    {
        if ((options.Files is null || options.Files.IsEverything) && options.Diagnostics is null)
        {
            return null;
        }

        return error => Includes(loaded, options, error.Diagnostic.Id, error.Diagnostic.Location.GetMappedLineSpan() is { IsValid: true } span ? span.Path : null);
    }

    /// <summary>The errors of <paramref name="errors"/> in scope.</summary>
    public static IReadOnlyList<CompileError> Filter(LoadedSolution loaded, FixOptions options, IReadOnlyList<CompileError> errors) =>
        Of(loaded, options) is null ? errors : errors.Where(error => Includes(loaded, options, error.Id, error.FilePath)).ToList();

    private static bool Includes(LoadedSolution loaded, FixOptions options, string id, string? file) =>
        (options.Diagnostics ?? DiagnosticFilter.All).Includes(id, DiagnosticSeverity.Error)
        && (options.Files is null || options.Files.IsEverything || (!string.IsNullOrEmpty(file) && options.Files.Matches(loaded.RelativePath(file))));
}
