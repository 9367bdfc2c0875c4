using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// The edits that compile and remove the error but are never a fix, checked on a candidate that compiled (so that it can
/// still be shown as a suggestion): a member that only throws, a lossy cast, a suppression (<c>#pragma warning
/// disable</c>, <c>#nullable disable</c>, <c>!</c>), blocking on a task, deleting the failing code.
/// </summary>
internal static class NeverAFix
{
    /// <summary>The first rule the candidate breaks, with what breaks it, or null when it breaks none.</summary>
    public static async Task<(Verdict Outcome, string Detail)?> FindAsync(
        Solution current, Solution candidate, IReadOnlyList<DocumentId> changed, DocumentId target, CancellationToken cancellationToken)
    {
        // Linked copies of one file carry the same edit: one of them speaks for the file.
        foreach (var id in changed.DistinctBy(id => current.GetDocument(id)!.FilePath ?? id.ToString()))
        {
            var before = current.GetDocument(id)!;
            var after = candidate.GetDocument(id)!;
            var file = Path.GetFileName(before.FilePath) ?? before.Name;
            if (await ThrowingStubs.AddsAsync(before, after, cancellationToken).ConfigureAwait(false))
            {
                return (Verdict.AddsThrowingStub, $"in {file}");
            }

            if (await LossyCasts.AddedAsync(before, after, cancellationToken).ConfigureAwait(false) is [var cast, ..])
            {
                return (Verdict.AddsLossyCast, cast);
            }

            if (await Suppressions.AddsDirectiveAsync(before, after, cancellationToken).ConfigureAwait(false))
            {
                return (Verdict.SuppressesDiagnostics, $"in {file}");
            }

            if (await Suppressions.AddsNullForgivingAsync(before, after, cancellationToken).ConfigureAwait(false))
            {
                return (Verdict.AddsNullForgiving, $"in {file}");
            }

            if (await BlockingWaits.FirstAddedAsync(before, after, cancellationToken).ConfigureAwait(false) is { } wait)
            {
                return (Verdict.BlocksOnTask, wait);
            }
        }

        var targetFile = current.GetDocument(target)!.FilePath;
        var edited = changed.FirstOrDefault(id => id == target || (targetFile is not null && current.GetDocument(id)!.FilePath == targetFile));
        return edited is not null
            && await DeletedCode.DeletesAsync(current.GetDocument(edited)!, candidate.GetDocument(edited)!, cancellationToken).ConfigureAwait(false)
            ? (Verdict.DeletesCode, $"in {Path.GetFileName(targetFile)}")
            : null;
    }
}
