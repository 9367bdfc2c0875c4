using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// The declarations the change under review altered: with <c>--changed-since REF</c> the change since REF's merge base,
/// otherwise, in a git working tree, the working tree against HEAD. Empty outside git, or when git cannot say.
/// </summary>
/// <param name="Changes">The changed declarations.</param>
internal sealed record ChangeEvidence(IReadOnlyList<DeclarationChange> Changes)
{
    public static ChangeEvidence None { get; } = new([]);

    /// <summary>Reads the evidence once, when first asked: most fix runs never need it.</summary>
    /// <param name="rootDirectory">The solution's folder.</param>
    /// <param name="change">The change <c>--changed-since</c> named, or null for the working tree against HEAD.</param>
    /// <returns>A function that reads the evidence on its first call and returns the same task after.</returns>
    public static Func<CancellationToken, Task<ChangeEvidence>> Reader(string rootDirectory, GitChange? change)
    {
        Task<ChangeEvidence>? read = null;
        return cancellationToken => read ??= ReadAsync(rootDirectory, change, cancellationToken);
    }

    /// <summary>Reads the declarations changed by <paramref name="change"/>, or by the working tree against HEAD.</summary>
    /// <param name="rootDirectory">The solution's folder.</param>
    /// <param name="change">The change, or null.</param>
    /// <param name="cancellationToken">Cancels git.</param>
    /// <returns>The evidence; <see cref="None"/> outside a git working tree or when git fails.</returns>
    public static async Task<ChangeEvidence> ReadAsync(string rootDirectory, GitChange? change, CancellationToken cancellationToken)
    {
        try
        {
            change ??= await GitChanges.TopLevelAsync(rootDirectory, cancellationToken).ConfigureAwait(false) is null
                ? null
                : await GitChanges.ChangeSinceAsync(rootDirectory, "HEAD", cancellationToken).ConfigureAwait(false);
        }
        catch (InputException)
        {
            // A repository without a commit yet has no HEAD to compare with: no evidence, the other repairs still run.
            return None;
        }

        if (change is null)
        {
            return None;
        }

        var changes = new List<DeclarationChange>();
        foreach (var file in change.Files.Where(file => file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
        {
            var before = await GitChanges.TextAtAsync(change, change.MergeBase, file, cancellationToken).ConfigureAwait(false);
            var after = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            changes.AddRange(ChangeReader.Read(before, after));
        }

        return new ChangeEvidence(changes);
    }
}
