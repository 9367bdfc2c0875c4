using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>
/// Which diagnostics a command reports or repairs, as <c>dotnet format</c> chooses them: by id
/// (<c>--diagnostics</c>, <c>--exclude-diagnostics</c>) and by the least severity that counts (<c>--severity</c>).
/// </summary>
/// <param name="Ids">The only ids that count; empty for every id.</param>
/// <param name="ExcludedIds">Ids that never count; they win over <paramref name="Ids"/>.</param>
/// <param name="MinimumSeverity">The least severity that counts, after the project's own settings.</param>
public sealed record DiagnosticFilter(
    IReadOnlyCollection<string> Ids,
    IReadOnlyCollection<string> ExcludedIds,
    DiagnosticSeverity MinimumSeverity = DiagnosticSeverity.Warning)
{
    /// <summary>Every error and warning.</summary>
    public static DiagnosticFilter All { get; } = new([], []);

    /// <summary>Whether a diagnostic with <paramref name="id"/> at <paramref name="severity"/> counts.</summary>
    /// <param name="id">The diagnostic id, e.g. <c>CS1591</c>.</param>
    /// <param name="severity">Its effective severity.</param>
    /// <returns>True when it is in scope.</returns>
    public bool Includes(string id, DiagnosticSeverity severity) =>
        severity >= MinimumSeverity
        && (Ids.Count == 0 || Ids.Contains(id, StringComparer.OrdinalIgnoreCase))
        && !ExcludedIds.Contains(id, StringComparer.OrdinalIgnoreCase);
}
