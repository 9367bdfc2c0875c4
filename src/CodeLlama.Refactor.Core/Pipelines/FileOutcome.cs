using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Pipelines;

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
}

/// <summary>The outcome for one changed file.</summary>
/// <param name="FilePath">The absolute path.</param>
/// <param name="Status">What happened.</param>
/// <param name="RelativePath">The path relative to the solution's folder, as diffs show it.</param>
/// <param name="Edit">The file's text before and after.</param>
/// <param name="Reason">Why it was rejected or refused, else null.</param>
public sealed record FileOutcome(string FilePath, FileStatus Status, string RelativePath, FileEdit Edit, string? Reason)
{
    /// <summary>The unified diff of the edit, computed when asked for (a dry run shows it; a write does not need it).</summary>
    public string Diff => UnifiedDiff.Create(RelativePath, Edit.Original.ToString(), Edit.Updated.ToString());
}
