using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// Compares the capabilities of a document before and after an edit, member by member: a use counts as added when
/// its member uses that symbol more often after the edit than before, and the member did not already write it as a
/// name that bound to nothing (<see cref="UnboundName.Covers"/>).
/// </summary>
public static class CapabilityComparison
{
    /// <summary>The uses <paramref name="after"/> adds to <paramref name="before"/>, leaving out allowed capabilities.</summary>
    /// <param name="before">The scan before the edit (<see cref="CapabilityScan.Empty"/> for a new document).</param>
    /// <param name="after">The scan after it.</param>
    /// <param name="allowed">Capabilities the project allows.</param>
    /// <returns>The added uses, in source order.</returns>
    public static IReadOnlyList<CapabilityUse> Added(CapabilityScan before, CapabilityScan after, IReadOnlyCollection<Capability> allowed)
    {
        var remaining = new Dictionary<CapabilityUse, int>();
        foreach (var use in before.Uses)
        {
            remaining[use] = remaining.TryGetValue(use, out var count) ? count + 1 : 1;
        }

        var added = new List<CapabilityUse>();
        foreach (var use in after.Uses)
        {
            if (remaining.TryGetValue(use, out var count) && count > 0)
            {
                remaining[use] = count - 1;
            }
            else if (!allowed.Contains(use.Capability) && !before.Unbound.Any(name => name.Covers(use)))
            {
                added.Add(use);
            }
        }

        return added;
    }

    /// <summary>Scans a document with its semantic model.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>Its capability uses and unbound names.</returns>
    public static async Task<CapabilityScan> ScanAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? CapabilityScan.Empty : CapabilityScanner.Scan(root, model, cancellationToken);
    }

    /// <summary>Scans one node of a document, with the document's semantic model.</summary>
    /// <param name="document">The document.</param>
    /// <param name="node">A node of its syntax tree, e.g. one member's declaration.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The capability uses and unbound names inside <paramref name="node"/>.</returns>
    public static async Task<CapabilityScan> ScanAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? CapabilityScan.Empty : CapabilityScanner.Scan(node, model, cancellationToken);
    }

    /// <summary>The first use the edit from <paramref name="before"/> to <paramref name="after"/> adds, else null.</summary>
    /// <param name="before">The document before the edit; null for a new one.</param>
    /// <param name="after">The document after it.</param>
    /// <param name="allowed">Capabilities the project allows.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The first added use, or null.</returns>
    public static async Task<CapabilityUse?> FirstAddedAsync(Document? before, Document after, IReadOnlyCollection<Capability> allowed, CancellationToken cancellationToken)
    {
        var usesBefore = before is null ? CapabilityScan.Empty : await ScanAsync(before, cancellationToken).ConfigureAwait(false);
        var usesAfter = await ScanAsync(after, cancellationToken).ConfigureAwait(false);
        return Added(usesBefore, usesAfter, allowed).FirstOrDefault();
    }
}
