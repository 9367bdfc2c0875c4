using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Editing;

/// <summary>What writing a run's verified edits did.</summary>
/// <param name="Files">One outcome per edit, in the order given: all written, or none.</param>
/// <param name="Recovered">What an earlier, interrupted run had left and this one cleaned up, one warning each.</param>
public sealed record WrittenEdits(IReadOnlyList<FileOutcome> Files, IReadOnlyList<LoadDiagnostic> Recovered)
{
    /// <summary>
    /// Runs the steps that follow the write. Once a file was written, a cancellation in them becomes a
    /// <see cref="CancelledAfterWritingException"/> naming the written files, so that no one reads the cancellation as
    /// "nothing was changed".
    /// </summary>
    /// <typeparam name="T">What the steps produce.</typeparam>
    /// <param name="steps">The steps after the write.</param>
    /// <returns>What <paramref name="steps"/> produced.</returns>
    public async Task<T> ThenAsync<T>(Func<Task<T>> steps)
    {
        try
        {
            return await steps().ConfigureAwait(false);
        }
        catch (OperationCanceledException cancellation) when (cancellation is not CancelledAfterWritingException)
        {
            var written = Files.Where(file => file.Status == FileStatus.Written).Select(file => file.RelativePath).ToList();
            if (written.Count == 0)
            {
                throw;
            }

            throw new CancelledAfterWritingException(written, cancellation);
        }
    }
}

/// <summary>
/// The one step that puts verified edits on disk, for <c>fix</c> and <c>doc</c> alike: each file keeps its encoding, byte
/// order mark and every byte outside the changed text, and all files are written in one transaction or none is.
/// </summary>
public static class VerifiedEdits
{
    /// <summary>Writes <paramref name="edits"/> (or, for a dry run, checks that they could be written).</summary>
    /// <param name="rootDirectory">The folder report paths are relative to.</param>
    /// <param name="edits">The verified edits, at most one per file.</param>
    /// <param name="dryRun">True to write nothing and report <see cref="FileStatus.DryRun"/> for every writable file.</param>
    /// <param name="cancellationToken">
    /// Cancels the write with nothing changed, until the files start being replaced; from then on the write is finished.
    /// </param>
    /// <returns>
    /// Per file: <see cref="FileStatus.Written"/> for all of them, or the file that stopped the transaction
    /// (<see cref="FileStatus.Conflict"/>, <see cref="FileStatus.NotWritten"/>, <see cref="FileStatus.Failed"/>) and
    /// <see cref="FileStatus.Withheld"/> for the others, none of which was changed.
    /// </returns>
    public static async Task<WrittenEdits> WriteAsync(
        string rootDirectory, IReadOnlyList<FileEdit> edits, bool dryRun, CancellationToken cancellationToken = default)
    {
        var plans = edits.Select(EditPlan.For).ToList();
        FileOutcome Outcome(FileEdit edit, FileStatus status, string? reason = null) =>
            new(status, RelativePaths.From(rootDirectory, edit.FilePath), edit, reason);

        if (dryRun)
        {
            return new WrittenEdits(
                edits.Zip(plans, (edit, plan) => plan.Write is null ? Outcome(edit, plan.Status, plan.Reason) : Outcome(edit, FileStatus.DryRun)).ToList(),
                []);
        }

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<LoadDiagnostic> recovered = edits.Count == 0 ? []
            : TransactionJournal.Recover(rootDirectory, edits.Select(edit => Path.GetDirectoryName(edit.FilePath)!))
                .Select(note => new LoadDiagnostic(IsFailure: false, note)).ToList();
        if (plans.FindIndex(plan => plan.Write is null) is var refused and >= 0)
        {
            return new WrittenEdits(Stopped(edits, refused, plans[refused].Status, plans[refused].Reason!, Outcome), recovered);
        }

        var writes = plans.Select(plan => plan.Write!).ToList();
        var result = await WriteTransaction.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
        if (result.Status == TransactionStatus.Committed)
        {
            return new WrittenEdits(edits.Select(edit => Outcome(edit, FileStatus.Written)).ToList(), recovered);
        }

        var stopped = writes.FindIndex(write => write.Path == result.FilePath);
        return new WrittenEdits(
            Stopped(edits, stopped, result.Status == TransactionStatus.Conflict ? FileStatus.Conflict : FileStatus.Failed, result.Reason!, Outcome),
            recovered);
    }

    private static List<FileOutcome> Stopped(
        IReadOnlyList<FileEdit> edits, int stopped, FileStatus status, string reason, Func<FileEdit, FileStatus, string?, FileOutcome> outcome)
    {
        var culprit = outcome(edits[stopped], status, reason + "; no file was changed");
        var withheld = $"{culprit.RelativePath} cannot be written, and a run writes all its files or none";
        return edits.Select((edit, index) => index == stopped ? culprit : outcome(edit, FileStatus.Withheld, withheld)).ToList();
    }
}
