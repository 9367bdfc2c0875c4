namespace CodeLlama.Refactor.Editing;

/// <summary>How a <see cref="WriteTransaction"/> ended.</summary>
internal enum TransactionStatus
{
    /// <summary>Every file holds its new bytes.</summary>
    Committed,

    /// <summary>Nothing changed: a file no longer held the bytes it was planned from (or a new file already existed).</summary>
    Conflict,

    /// <summary>Nothing changed: the system refused a write, and what was already replaced got its original bytes back.</summary>
    Failed,
}

/// <summary>How a transaction ended, and for which file when it did not commit.</summary>
/// <param name="Status">What happened.</param>
/// <param name="FilePath">The file that conflicted or could not be written; null when committed.</param>
/// <param name="Reason">Why, in one phrase; null when committed.</param>
internal sealed record TransactionResult(TransactionStatus Status, string? FilePath = null, string? Reason = null);

/// <summary>Moves <paramref name="source"/> to <paramref name="destination"/>, as <see cref="File.Move(string, string, bool)"/>.</summary>
/// <param name="source">The temporary file.</param>
/// <param name="destination">The target.</param>
/// <param name="overwrite">Whether an existing target is replaced.</param>
internal delegate void FileMove(string source, string destination, bool overwrite);

/// <summary>
/// Writes a set of files all or none. Phase 1 writes each file's new bytes to a temporary file next to it and checks
/// that no target changed on disk; phase 2 renames every temporary file over its target. A failure in phase 2 puts the
/// original bytes back into the files already replaced. Cancellation is honoured until phase 2 starts (nothing is
/// changed then); phase 2 itself, a few renames, is always finished, so that a cancelled run never leaves half of its
/// files new. No temporary file outlives the transaction; the <see cref="TransactionJournal"/> lets the next run undo
/// one killed in the middle.
/// </summary>
internal static class WriteTransaction
{
    /// <summary>Writes <paramref name="writes"/> as one transaction.</summary>
    /// <param name="writes">The files and their new bytes, at most one write per file.</param>
    /// <param name="cancellationToken">Abandons the transaction, with nothing changed, while phase 1 runs.</param>
    /// <returns>Committed, or the file that stopped it and why.</returns>
    /// <exception cref="OperationCanceledException">Cancelled before phase 2; nothing was changed.</exception>
    public static Task<TransactionResult> CommitAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken) =>
        CommitAsync(writes, File.Move, cancellationToken);

    /// <summary>Writes <paramref name="writes"/> as one transaction, moving files with <paramref name="move"/>.</summary>
    /// <param name="writes">The files and their new bytes, at most one write per file.</param>
    /// <param name="move">Every rename of phase 2 and of its rollback; a test passes one that fails, which needs no root.</param>
    /// <param name="cancellationToken">Abandons the transaction, with nothing changed, while phase 1 runs.</param>
    /// <returns>Committed, or the file that stopped it and why.</returns>
    /// <exception cref="OperationCanceledException">Cancelled before phase 2; nothing was changed.</exception>
    internal static async Task<TransactionResult> CommitAsync(IReadOnlyList<PlannedWrite> writes, FileMove move, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return new TransactionResult(TransactionStatus.Committed);
        }

        TransactionJournal journal;
        try
        {
            journal = TransactionJournal.Begin(writes);
        }
        catch (Exception exception) when (WriteFailure.IsWriteError(exception))
        {
            return new TransactionResult(
                TransactionStatus.Failed, writes[0].Path, $"the transaction journal in {TransactionJournal.Root} cannot be written: {WriteFailure.Describe(exception)}");
        }

        var createdFolders = new List<string>();
        using (journal)
        {
            try
            {
                if (await WriteTemporariesAsync(writes, journal, createdFolders, cancellationToken).ConfigureAwait(false) is { } failed)
                {
                    return failed;
                }

                if (FirstConflict(writes) is { } conflict)
                {
                    return conflict;
                }

                cancellationToken.ThrowIfCancellationRequested();
                return Replace(writes, journal, move);
            }
            finally
            {
                CleanUp(journal, createdFolders);
            }
        }
    }

    private static void CleanUp(TransactionJournal journal, List<string> createdFolders)
    {
        try
        {
            foreach (var entry in journal.Entries.Where(entry => File.Exists(entry.Temporary)))
            {
                File.Delete(entry.Temporary);
            }

            foreach (var folder in Enumerable.Reverse(createdFolders).Where(folder => !Directory.EnumerateFileSystemEntries(folder).Any()))
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception exception) when (WriteFailure.IsWriteError(exception))
        {
            // What cannot be deleted now is found by the next run, in the journal or by its name.
            journal.Keep();
        }
    }

    private static async Task<TransactionResult?> WriteTemporariesAsync(
        IReadOnlyList<PlannedWrite> writes, TransactionJournal journal, List<string> createdFolders, CancellationToken cancellationToken)
    {
        foreach (var (write, entry) in writes.Zip(journal.Entries))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                CreateFolders(Path.GetDirectoryName(write.Path)!, createdFolders);
                await using (var stream = new FileStream(entry.Temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                {
                    await stream.WriteAsync(write.Content, cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }

                // The rename gives the target the temporary file's permissions: keep the target's own (an executable script, a 0600 file).
                if (!OperatingSystem.IsWindows() && write.Expected is not null && File.Exists(write.Path))
                {
                    File.SetUnixFileMode(entry.Temporary, File.GetUnixFileMode(write.Path));
                }
            }
            catch (Exception exception) when (WriteFailure.IsWriteError(exception))
            {
                return new TransactionResult(TransactionStatus.Failed, write.Path, WriteFailure.Describe(exception));
            }
        }

        return null;
    }

    private static void CreateFolders(string folder, List<string> created)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        CreateFolders(Path.GetDirectoryName(folder)!, created);
        Directory.CreateDirectory(folder);
        created.Add(folder);
    }

    private static TransactionResult? FirstConflict(IReadOnlyList<PlannedWrite> writes)
    {
        foreach (var write in writes)
        {
            try
            {
                if (write.Expected is null ? File.Exists(write.Path) || Directory.Exists(write.Path) : !File.ReadAllBytes(write.Path).AsSpan().SequenceEqual(write.Expected))
                {
                    return new TransactionResult(
                        TransactionStatus.Conflict,
                        write.Path,
                        write.Expected is null ? "the file already exists" : "the file changed on disk since it was loaded");
                }
            }
            catch (Exception exception) when (WriteFailure.IsWriteError(exception))
            {
                return new TransactionResult(TransactionStatus.Failed, write.Path, WriteFailure.Describe(exception));
            }
        }

        return null;
    }

    private static TransactionResult Replace(IReadOnlyList<PlannedWrite> writes, TransactionJournal journal, FileMove move)
    {
        var replaced = new List<(PlannedWrite Write, TransactionJournal.Entry Entry)>();
        foreach (var (write, entry) in writes.Zip(journal.Entries))
        {
            try
            {
                // A new file is moved without overwriting, so that a file created meanwhile is never replaced.
                move(entry.Temporary, write.Path, write.Expected is not null);
                replaced.Add((write, entry));
            }
            catch (Exception exception) when (WriteFailure.IsWriteError(exception))
            {
                var reason = WriteFailure.Describe(exception);
                var unrestored = RollBack(replaced, move);
                if (unrestored.Count > 0)
                {
                    journal.Keep();
                    reason += $"; restoring {string.Join(", ", unrestored)} failed too: the next run restores them from {TransactionJournal.Root}";
                }

                return new TransactionResult(TransactionStatus.Failed, write.Path, reason);
            }
        }

        try
        {
            journal.MarkCommitted();
        }
        catch (Exception exception) when (WriteFailure.IsWriteError(exception))
        {
            // Every file is written; the marker only spares a killed run's successor from undoing a finished transaction.
        }

        return new TransactionResult(TransactionStatus.Committed);
    }

    private static List<string> RollBack(IEnumerable<(PlannedWrite Write, TransactionJournal.Entry Entry)> replaced, FileMove move)
    {
        var unrestored = new List<string>();
        foreach (var (write, entry) in replaced.Reverse())
        {
            try
            {
                if (write.Expected is null)
                {
                    File.Delete(write.Path);
                }
                else
                {
                    TransactionJournal.WriteDurably(entry.Temporary, write.Expected);
                    move(entry.Temporary, write.Path, true);
                }
            }
            catch (Exception exception) when (WriteFailure.IsWriteError(exception))
            {
                unrestored.Add(write.Path);
            }
        }

        return unrestored;
    }
}
