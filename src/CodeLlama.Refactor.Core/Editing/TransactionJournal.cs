using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Editing;

/// <summary>
/// What a <see cref="WriteTransaction"/> is doing, kept outside the user's tree so that a run killed in the middle (SIGKILL,
/// power loss) is undone by the next one: the temporary files it made, each target's original bytes, and a hash of
/// what it wrote. A live transaction holds a lock on its journal; a journal whose lock can be taken belongs to a dead run.
/// Journals live in this user's <see cref="PrivateFolder"/>, and one is replayed only when this user owns it and every
/// path it names lies inside the solution being written (see <see cref="JournalTrust"/>).
/// </summary>
internal sealed partial class TransactionJournal : IDisposable
{
    /// <summary>The name of the journal's file in its folder.</summary>
    public const string JournalName = "journal.json";

    /// <summary>The suffix of every temporary file a transaction writes next to its target.</summary>
    public const string TemporarySuffix = ".codellama-refactor.tmp";

    private const string CommittedMarker = "committed";

    private readonly FileStream lockStream;
    private readonly string directory;
    private bool keep;

    private TransactionJournal(FileStream lockStream, string directory, IReadOnlyList<Entry> entries)
    {
        this.lockStream = lockStream;
        this.directory = directory;
        Entries = entries;
    }

    /// <summary>The folder every run's journals live in.</summary>
    /// <exception cref="EnvironmentException">This user has no private folder.</exception>
    public static string Root => Path.Combine(PrivateFolder.Root, "transactions");

    /// <summary>One entry per planned write, in the same order.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Records <paramref name="writes"/> (with the original bytes) before any of them touches the user's tree.</summary>
    /// <param name="writes">The transaction's files.</param>
    /// <returns>The journal, locked until disposed.</returns>
    /// <exception cref="IOException">The journal cannot be written.</exception>
    public static TransactionJournal Begin(IReadOnlyList<PlannedWrite> writes)
    {
        var (id, lockStream) = Lock();
        var directory = Path.Combine(Root, id);
        try
        {
            CreatePrivately(directory);
            var entries = writes.Select((write, index) => new Entry(
                    write.Path,
                    Path.Combine(Path.GetDirectoryName(write.Path)!, $".{Path.GetFileName(write.Path)}.{id[..8]}{TemporarySuffix}"),
                    write.Expected is null ? null : $"{index}.orig",
                    Convert.ToHexString(SHA256.HashData(write.Content))))
                .ToList();
            foreach (var (write, entry) in writes.Zip(entries))
            {
                if (entry.Backup is { } backup)
                {
                    WriteDurably(Path.Combine(directory, backup), write.Expected!);
                }
            }

            WriteDurably(Path.Combine(directory, JournalName + ".part"), JsonSerializer.SerializeToUtf8Bytes(entries));
            File.Move(Path.Combine(directory, JournalName + ".part"), Path.Combine(directory, JournalName));
            return new TransactionJournal(lockStream, directory, entries);
        }
        catch
        {
            DeleteQuietly(directory, lockStream);
            throw;
        }
    }

    // A recovering run may open a brand-new lock file before its creator locks it; the creator then takes another name.
    private static (string Id, FileStream Lock) Lock()
    {
        CreatePrivately(Root);
        for (var attempt = 1; ; attempt++)
        {
            var id = Guid.NewGuid().ToString("N");
            try
            {
                return (id, new FileStream(Path.Combine(Root, id + ".lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Marks the transaction complete: from now on, recovery only removes what is left of it.</summary>
    public void MarkCommitted() => WriteDurably(Path.Combine(directory, CommittedMarker), []);

    /// <summary>Keeps the journal after disposal, for a rollback that could not restore every file.</summary>
    public void Keep() => keep = true;

    /// <summary>
    /// Undoes what dead runs left in <paramref name="solutionRoot"/>: their temporary files are deleted, and the files
    /// they had already replaced get their original bytes back (unless they changed again since); then stray temporary
    /// files in <paramref name="folders"/> that no live run owns are deleted. A journal that another user owns, or that
    /// names a path outside <paramref name="solutionRoot"/>, is reported and left alone.
    /// </summary>
    /// <param name="solutionRoot">The folder of the solution being written.</param>
    /// <param name="folders">The folders about to be written to.</param>
    /// <returns>What was cleaned up or left alone, one sentence each; empty when nothing was left.</returns>
    public static IReadOnlyList<string> Recover(string solutionRoot, IEnumerable<string> folders)
    {
        var notes = new List<string>(PrivateFolder.Warnings);
        var live = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(Root))
        {
            foreach (var lockPath in Directory.EnumerateFiles(Root, "*.lock"))
            {
                var directory = Path.ChangeExtension(lockPath, null);
                FileStream lockStream;
                try
                {
                    lockStream = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    live.UnionWith(Read(directory)?.Select(entry => entry.Temporary) ?? []);
                    continue;
                }

                if (JournalTrust.Refusal(lockPath, directory, Read(directory), solutionRoot) is { } refusal)
                {
                    lockStream.Dispose();
                    notes.Add($"The journal {directory} of an interrupted run was not replayed: {refusal}.");
                    continue;
                }

                try
                {
                    notes.AddRange(Undo(directory).ToList());
                    DeleteQuietly(directory, lockStream);
                }
                catch (Exception exception) when (WriteFailure.IsWriteError(exception))
                {
                    lockStream.Dispose();
                    notes.Add($"An interrupted run left {directory}, which could not be undone ({WriteFailure.Describe(exception)}); it is tried again next time.");
                }
            }
        }

        foreach (var folder in folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var stray in Directory.EnumerateFiles(folder, ".*" + TemporarySuffix).Where(path => !live.Contains(path)))
            {
                File.Delete(stray);
                notes.Add($"Removed {stray}, a temporary file an interrupted run left.");
            }
        }

        return notes;
    }

    /// <summary>Deletes the journal (unless kept) and releases its lock.</summary>
    public void Dispose()
    {
        if (keep)
        {
            lockStream.Dispose();
            return;
        }

        DeleteQuietly(directory, lockStream);
    }

    /// <summary>Writes <paramref name="bytes"/> to a new file and flushes them to the disk before returning.</summary>
    /// <param name="path">The file, which must not exist.</param>
    /// <param name="bytes">Its content.</param>
    public static void WriteDurably(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Whether <paramref name="name"/> is what <see cref="Begin"/> names a backup: a file name inside the journal.</summary>
    /// <param name="name">An entry's <see cref="Entry.Backup"/>.</param>
    /// <returns>True for <c>N.orig</c>.</returns>
    public static bool IsBackupName(string name) => BackupName().IsMatch(name);

    [GeneratedRegex(@"\A[0-9]{1,9}\.orig\z", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();

    private static void CreatePrivately(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static IEnumerable<string> Undo(string directory)
    {
        var entries = Read(directory);
        if (entries is null)
        {
            yield break;
        }

        var committed = File.Exists(Path.Combine(directory, CommittedMarker));
        foreach (var entry in entries)
        {
            if (File.Exists(entry.Temporary))
            {
                File.Delete(entry.Temporary);
                yield return $"Removed {entry.Temporary}, a temporary file an interrupted run left.";
            }
            else if (!committed && File.Exists(entry.Target)
                && Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.Target))) == entry.Written)
            {
                // The interrupted run had replaced this file: the others may still be old, so it goes back to its original.
                if (entry.Backup is null)
                {
                    File.Delete(entry.Target);
                }
                else
                {
                    WriteDurably(entry.Temporary, File.ReadAllBytes(Path.Combine(directory, entry.Backup)));
                    File.Move(entry.Temporary, entry.Target, overwrite: true);
                }

                yield return $"Restored {entry.Target}, which an interrupted run had written without finishing the others.";
            }
        }
    }

    /// <summary>The entries of the journal in <paramref name="directory"/>, or null when it has none (or an unreadable one).</summary>
    /// <param name="directory">A journal's folder.</param>
    /// <returns>The entries.</returns>
    internal static List<Entry>? Read(string directory)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Entry>>(File.ReadAllBytes(Path.Combine(directory, JournalName)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            // No journal yet (killed before it was complete): nothing of that run touched the user's tree.
            return null;
        }
    }

    private static void DeleteQuietly(string directory, FileStream lockStream)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            File.Delete(lockStream.Name);
        }
        catch (Exception exception) when (WriteFailure.IsWriteError(exception))
        {
            // A journal that cannot be deleted is recovered (and deleted) by the next run.
        }
        finally
        {
            lockStream.Dispose();
        }
    }

    /// <summary>One file of the journal.</summary>
    /// <param name="Target">The file replaced or created.</param>
    /// <param name="Temporary">The temporary file next to it that holds the new bytes until the rename.</param>
    /// <param name="Backup">The journal's copy of the original bytes; null for a new file.</param>
    /// <param name="Written">The SHA-256 of the new bytes, so that recovery restores only what this transaction wrote.</param>
    internal sealed record Entry(string Target, string Temporary, string? Backup, string Written);
}
