namespace CodeLlama.Refactor.Editing;

/// <summary>What happened to a file's edit.</summary>
public enum FileStatus
{
    /// <summary>Verified and written.</summary>
    Written,

    /// <summary>Verified; not written because of <c>--dry-run</c>.</summary>
    DryRun,

    /// <summary>Not written: the file changed on disk since it was loaded.</summary>
    Conflict,

    /// <summary>Not written: verification found a problem the edit would cause.</summary>
    Rejected,

    /// <summary>
    /// Not written, and nothing else was: the file cannot take the edit without losing bytes (its bytes are not valid in
    /// its encoding where the edit changes them, or the new text has characters the encoding cannot represent).
    /// </summary>
    NotWritten,

    /// <summary>Not written, and nothing else was: the system refused the write (read-only, immutable, no space, permission).</summary>
    Failed,

    /// <summary>Verified but not written because another file of the run could not be: a run writes all its files or none.</summary>
    Withheld,
}

/// <summary>The outcome for one changed file.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RelativePath">The path relative to the solution's folder, as diffs show it.</param>
/// <param name="Edit">The file's text before and after.</param>
/// <param name="Reason">Why it was not written, in one phrase; null when written or a dry run.</param>
public sealed record FileOutcome(FileStatus Status, string RelativePath, FileEdit Edit, string? Reason)
{
    /// <summary>The absolute path, the edit's own.</summary>
    public string FilePath => Edit.FilePath;

    /// <summary>The unified diff of the edit, computed when asked for (a dry run shows it; a write does not need it).</summary>
    public string Diff => UnifiedDiff.Create(RelativePath, Edit.Original.ToString(), Edit.Updated.ToString());
}
