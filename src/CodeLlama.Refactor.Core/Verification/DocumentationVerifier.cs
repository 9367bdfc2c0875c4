using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Proves a documentation edit of one file: the code without comments is unchanged, and no documentation diagnostic
/// (malformed XML, bad cref, a param tag that names nothing, …) appears that was not there before.
/// </summary>
public static class DocumentationVerifier
{
    // CS1591 is what the edit removes; every other documentation diagnostic must not grow.
    private static readonly IReadOnlySet<string> Guarded =
        DocumentationDiagnosticIds.All.Where(id => id != DocumentationDiagnosticIds.MissingComment).ToHashSet();

    /// <summary>Returns null when the edit is proven, else why not.</summary>
    /// <param name="before">The document before the edit.</param>
    /// <param name="after">The same document after the edit, in the edited solution.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The reason the edit is rejected, or null.</returns>
    public static async Task<string?> VerifyAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldRoot = await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (oldRoot is null || newRoot is null)
        {
            return "the document has no syntax tree";
        }

        if (!SyntaxFactory.AreEquivalent(oldRoot, newRoot, topLevel: false))
        {
            return "the edit would change code, not only comments";
        }

        var oldCounts = await CountGuardedAsync(before, cancellationToken).ConfigureAwait(false);
        var newCounts = await CountGuardedAsync(after, cancellationToken).ConfigureAwait(false);
        var grown = newCounts.Where(entry => entry.Value > oldCounts.GetValueOrDefault(entry.Key)).Select(entry => entry.Key).ToList();
        return grown.Count == 0 ? null : $"the comments would raise {string.Join(", ", grown.Order(StringComparer.Ordinal))}";
    }

    private static async Task<Dictionary<string, int>> CountGuardedAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return (model?.GetDiagnostics(cancellationToken: cancellationToken) ?? [])
            .Where(diagnostic => Guarded.Contains(diagnostic.Id))
            .GroupBy(diagnostic => diagnostic.Id)
            .ToDictionary(group => group.Key, group => group.Count());
    }
}
