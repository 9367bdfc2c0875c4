using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Editing;

/// <summary>
/// Whether a dead run's journal may be replayed. Replaying writes the bytes a journal holds over the files it names and
/// deletes others, so a journal is trusted only when this user made it (its lock, folder, file and backups are this
/// user's own and none is a link) and every path it names is a plain full path inside the solution being written, with
/// no symbolic link between the solution's folder and the file.
/// </summary>
internal static class JournalTrust
{
    /// <summary>Why the journal must not be replayed, or null when it may be.</summary>
    /// <param name="lockPath">The journal's lock file.</param>
    /// <param name="directory">The journal's folder.</param>
    /// <param name="entries">Its entries; null when it has none (nothing to replay).</param>
    /// <param name="solutionRoot">The folder of the solution being written.</param>
    /// <returns>The reason, or null.</returns>
    public static string? Refusal(string lockPath, string directory, IReadOnlyList<TransactionJournal.Entry>? entries, string solutionRoot)
    {
        var owned = new[] { lockPath, directory, Path.Combine(directory, TransactionJournal.JournalName) }
            .Concat(entries?.Select(entry => entry?.Backup).OfType<string>().Where(TransactionJournal.IsBackupName).Select(backup => Path.Combine(directory, backup)) ?? []);
        if (owned.Select(OwnershipRefusal).OfType<string>().FirstOrDefault() is { } notOwn)
        {
            return notOwn;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(solutionRoot));
        foreach (var entry in entries ?? [])
        {
            if (entry?.Target is not { } target || entry.Temporary is not { } temporary)
            {
                return "an entry names no file";
            }

            if ((PathRefusal(target, root) ?? PathRefusal(temporary, root)) is { } outside)
            {
                return outside;
            }

            if (Path.GetDirectoryName(temporary) != Path.GetDirectoryName(target)
                || !Path.GetFileName(temporary).StartsWith('.') || !temporary.EndsWith(TransactionJournal.TemporarySuffix, StringComparison.Ordinal))
            {
                return $"{temporary} is not a temporary file next to {target}";
            }

            if (entry.Backup is { } backup && !TransactionJournal.IsBackupName(backup))
            {
                return $"its backup of {target} is not a file of the journal";
            }
        }

        return null;
    }

    private static string? OwnershipRefusal(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var status = UnixFiles.Status(path);
        return status switch
        {
            null => null,
            { IsLink: true } => $"{path} is a symbolic link",
            _ when status.Owner != UnixFiles.EffectiveUserId => $"{path} belongs to uid {status.Owner}, not to this user",
            _ => null,
        };
    }

    private static string? PathRefusal(string path, string root)
    {
        // `..`, `.`, doubled separators and relative paths are refused, not resolved: a journal this tool wrote has none.
        if (!Path.IsPathFullyQualified(path) || Path.GetFullPath(path) != path)
        {
            return $"{path} is not a plain full path";
        }

        var relative = Path.GetRelativePath(root, path);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return $"{path} is outside the solution's folder {root}";
        }

        // A linked folder (or file) inside the solution could lead anywhere.
        for (var current = path; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (new FileInfo(current).LinkTarget is not null)
            {
                return $"{current} is a symbolic link";
            }
        }

        return null;
    }
}
