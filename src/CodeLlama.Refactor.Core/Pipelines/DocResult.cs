using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="DocPipeline"/> did.</summary>
/// <param name="RootDirectory">The folder that report paths are relative to.</param>
/// <param name="Before">Coverage of the members in scope before the run.</param>
/// <param name="After">Coverage after the run (as written, or as it would be for a dry run).</param>
/// <param name="Members">What was added to each member.</param>
/// <param name="Files">Per file: the edit's diff and whether it was written, refused or rejected.</param>
/// <param name="Remaining">Members in scope still undocumented afterwards.</param>
/// <param name="Elapsed">Wall time of the run, loading included.</param>
/// <param name="LoadDiagnostics">What loading the solution reported.</param>
public sealed record DocResult(
    string RootDirectory,
    Coverage Before,
    Coverage After,
    IReadOnlyList<DocumentedMember> Members,
    IReadOnlyList<FileOutcome> Files,
    IReadOnlyList<UndocumentedMember> Remaining,
    TimeSpan Elapsed,
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics) : IPipelineResult
{
    /// <summary>True when every member in scope is documented afterwards and no file was refused.</summary>
    public bool IsClean => Remaining.Count == 0 && Files.All(file => file.Status is FileStatus.Written or FileStatus.DryRun);
}

/// <summary>How many members in scope are documented.</summary>
/// <param name="Documented">Members with documentation.</param>
/// <param name="Total">Members in scope.</param>
public sealed record Coverage(int Documented, int Total)
{
    /// <summary>The documented share in percent; 100 when nothing is in scope.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Documented / Total;
}

/// <summary>What the run added to one member.</summary>
/// <param name="Symbol">The member as the compiler names it.</param>
/// <param name="Kind">What it is, in words.</param>
/// <param name="FilePath">Its file.</param>
/// <param name="Line">The 1-based line of its declaration before the run.</param>
/// <param name="Added">The elements added, e.g. <c>summary</c>, <c>param x</c>, <c>inheritdoc</c>.</param>
/// <param name="Completed">True when an existing comment was completed rather than a new one written.</param>
public sealed record DocumentedMember(string Symbol, string Kind, string FilePath, int Line, IReadOnlyList<string> Added, bool Completed);
