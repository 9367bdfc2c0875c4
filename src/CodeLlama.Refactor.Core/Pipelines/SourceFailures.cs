using System.Collections.Concurrent;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>A candidate source that threw: how often, and the first exception, which says why.</summary>
/// <param name="Source">The source's name (its type's).</param>
/// <param name="Count">How many requests for candidates it failed.</param>
/// <param name="First">The first exception it threw.</param>
public sealed record SourceFailure(string Source, int Count, Exception First)
{
    /// <summary>One line for the user, printed once per source: which, how often, and the first error.</summary>
    public string Message =>
        $"The candidate source {Source} failed {Count} time(s) and offered nothing there: {First.GetType().Name}: {First.Message}";
}

/// <summary>
/// Counts the failures of candidate sources in a run: a source that throws offers nothing for that error and the
/// others go on, but a model that fails on every request must not read as "no fix found" without a word.
/// </summary>
internal sealed class SourceFailures
{
    private readonly ConcurrentDictionary<string, (int Count, Exception First)> failures = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="source"/> threw <paramref name="exception"/>.</summary>
    public void Record(ICandidateSource source, Exception exception) =>
        failures.AddOrUpdate(source.GetType().Name, (1, exception), (_, seen) => (seen.Count + 1, seen.First));

    /// <summary>Every source that failed, by name.</summary>
    public IReadOnlyList<SourceFailure> ToList() =>
        [.. failures.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => new SourceFailure(entry.Key, entry.Value.Count, entry.Value.First))];

    /// <summary>Each failure as a warning of the run, as the report prints them.</summary>
    public IEnumerable<LoadDiagnostic> Warnings() => ToList().Select(failure => new LoadDiagnostic(IsFailure: false, failure.Message));
}
