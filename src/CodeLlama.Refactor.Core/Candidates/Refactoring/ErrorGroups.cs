using System.Runtime.CompilerServices;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>One error with a root cause, in the document that holds it.</summary>
/// <param name="Document">The document.</param>
/// <param name="Diagnostic">The error.</param>
/// <param name="Cause">Its root cause.</param>
internal sealed record GroupedError(Document Document, Diagnostic Diagnostic, RootCause Cause);

/// <summary>
/// The errors of a solution grouped by root cause (<see cref="RootCauses"/>): every error that names the same missing
/// symbol, calls the same changed member, or implements the same interface or base member.
/// </summary>
internal static class ErrorGroups
{
    // One solution snapshot is asked once per error of a round: its errors are found once.
    private static readonly ConditionalWeakTable<Solution, Task<IReadOnlyList<GroupedError>>> Found = [];

    /// <summary>The errors of <paramref name="solution"/> that share <paramref name="cause"/>.</summary>
    /// <param name="solution">The solution.</param>
    /// <param name="cause">The root cause.</param>
    /// <param name="buildErrors">
    /// The build errors of a solution, as the run already found them (<see cref="BuildErrors"/>); null to compile every
    /// project for its errors.
    /// </param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The errors with that cause.</returns>
    public static async Task<IReadOnlyList<GroupedError>> OfAsync(
        Solution solution, RootCause cause, Func<Solution, CancellationToken, Task<IReadOnlyList<BuildError>>>? buildErrors, CancellationToken cancellationToken)
    {
        // The run keeps its errors per snapshot; a snapshot compiled here is kept here.
        var all = buildErrors is not null ? await GroupedAsync(solution, buildErrors, cancellationToken).ConfigureAwait(false)
            : await Found.GetValue(solution, snapshot => FindAsync(snapshot, CancellationToken.None)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(error => error.Cause == cause)];
    }

    /// <summary>The groups of <paramref name="errors"/>: one per root cause, in the order the causes first occur.</summary>
    public static IReadOnlyList<IReadOnlyList<GroupedError>> Group(IEnumerable<GroupedError> errors) =>
        [.. errors.GroupBy(error => error.Cause).Select(group => (IReadOnlyList<GroupedError>)[.. group])];

    // The build errors found for the snapshot that have a root cause; a file compiled by several projects counts once.
    private static async Task<IReadOnlyList<GroupedError>> GroupedAsync(
        Solution solution, Func<Solution, CancellationToken, Task<IReadOnlyList<BuildError>>> buildErrors, CancellationToken cancellationToken)
    {
        var errors = new List<GroupedError>();
        var seen = new HashSet<(string?, Microsoft.CodeAnalysis.Text.TextSpan, string)>();
        foreach (var error in await buildErrors(solution, cancellationToken).ConfigureAwait(false))
        {
            var diagnostic = error.Diagnostic;
            if (!RootCauses.IsGroupable(diagnostic.Id) || error.Document is not { } document
                || !seen.Add((document.FilePath, diagnostic.Location.SourceSpan, diagnostic.Id))
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            if (RootCauses.Of(diagnostic, model, cancellationToken) is { } cause)
            {
                errors.Add(new GroupedError(document, diagnostic, cause));
            }
        }

        return errors;
    }

    /// <summary>Every error of <paramref name="solution"/> with a root cause; a file compiled by several projects counts once.</summary>
    public static async Task<IReadOnlyList<GroupedError>> FindAsync(Solution solution, CancellationToken cancellationToken)
    {
        var errors = new List<GroupedError>();
        var seen = new HashSet<(string?, Microsoft.CodeAnalysis.Text.TextSpan, string)>();
        foreach (var project in solution.Projects)
        {
            if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                continue;
            }

            foreach (var diagnostic in compilation.GetDiagnostics(cancellationToken))
            {
                if (diagnostic.Severity != DiagnosticSeverity.Error || !RootCauses.IsGroupable(diagnostic.Id) || diagnostic.Location.SourceTree is not { } tree
                    || !seen.Add((tree.FilePath, diagnostic.Location.SourceSpan, diagnostic.Id)) || project.GetDocument(tree) is not { } document)
                {
                    continue;
                }

                if (RootCauses.Of(diagnostic, compilation.GetSemanticModel(tree), cancellationToken) is { } cause)
                {
                    errors.Add(new GroupedError(document, diagnostic, cause));
                }
            }
        }

        return errors;
    }
}
