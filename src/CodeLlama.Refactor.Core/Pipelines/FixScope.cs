using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// Which errors <c>fix</c> repairs and counts. It counts, as <c>check</c> does, every error the user did not exclude by
/// name (<see cref="ErrorScope"/>): the call sites a change broke in files it did not touch are repaired and reported
/// like any other error. <c>--diagnostics</c> narrows only what is repaired; the errors of other ids still count.
/// </summary>
internal static class FixScope
{
    /// <summary>The targets the repair loop takes on, or null when every error is.</summary>
    public static Func<BuildError, bool>? Of(LoadedSolution loaded, FixOptions options)
    {
        var scope = Scope(options);
        var ids = options.Diagnostics?.Ids ?? [];
        if (ids.Count == 0 && !Excludes(options))
        {
            return null;
        }

        return error => !scope.ExcludesByName(loaded, error.Diagnostic.Id, FileOf(error))
            && (ids.Count == 0 || ids.Contains(error.Diagnostic.Id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The errors of <paramref name="errors"/> that count: all but those the user excluded by name.</summary>
    public static IReadOnlyList<CompileError> Filter(LoadedSolution loaded, FixOptions options, IReadOnlyList<CompileError> errors) =>
        Excludes(options) ? Scope(options).Split(loaded, errors).Counted : errors;

    /// <summary>The errors of <paramref name="errors"/> the user excluded by name, for the report to name.</summary>
    public static IReadOnlyList<CompileError> Excluded(LoadedSolution loaded, FixOptions options, IReadOnlyList<CompileError> errors) =>
        Excludes(options) ? Scope(options).Split(loaded, errors).Excluded : [];

    private static ErrorScope Scope(FixOptions options) => new(options.Files, options.Diagnostics);

    private static bool Excludes(FixOptions options) =>
        options.Files is { HasExcludes: true } || options.Diagnostics is { ExcludedIds.Count: > 0 };

    private static string? FileOf(BuildError error) =>
        error.Diagnostic.Location.GetMappedLineSpan() is { IsValid: true } span ? span.Path : null;
}
