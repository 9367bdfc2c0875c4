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
/// <param name="Skipped">Members that needed a comment or an addition and were not given one, each with the reason.</param>
public sealed record DocResult(
    string RootDirectory,
    Coverage Before,
    Coverage After,
    IReadOnlyList<DocumentedMember> Members,
    IReadOnlyList<FileOutcome> Files,
    IReadOnlyList<UndocumentedMember> Remaining,
    TimeSpan Elapsed,
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics,
    IReadOnlyList<SkippedMember> Skipped) : IPipelineResult
{
    /// <summary>
    /// The compile errors of the solution as doc leaves it, wherever they are (the file scope chooses what is documented,
    /// not which errors count); only those an exclude glob names are left out (<see cref="ExcludedErrors"/>).
    /// </summary>
    public IReadOnlyList<CompileError> Errors { get; init; } = [];

    /// <summary>
    /// The files of the projects whose build does not report CS1591: a member left without a comment there is reported as
    /// CLRF0001, as <c>check</c> reports it.
    /// </summary>
    public IReadOnlySet<string> FilesBeyondBuild { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Compile errors in files an exclude glob names: not counted, named in the report.</summary>
    public IReadOnlyList<CompileError> ExcludedErrors { get; init; } = [];

    /// <summary>
    /// True when every member in scope is documented afterwards, none was skipped, no file was refused, and the solution
    /// builds (apart from errors excluded by name).
    /// </summary>
    public bool IsClean => Remaining.Count == 0 && Skipped.Count == 0 && Errors.Count == 0 && Files.All(file => file.Status is FileStatus.Written or FileStatus.DryRun);
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
/// <param name="Diagnostic">
/// What the member lacked, as a diagnostic id: CS1591 for no comment (CLRF0001 in a project whose build does not
/// report CS1591), CS1573 or CS1712 for a missing param or typeparam
/// tag beside documented ones, <see cref="IncompleteComment"/> for other additions to an existing comment.
/// </param>
public sealed record DocumentedMember(
    string Symbol, string Kind, string FilePath, int Line, IReadOnlyList<string> Added, bool Completed, string Diagnostic = "CS1591")
{
    /// <summary>The compiler's id for a parameter without a param tag in a comment that documents other parameters.</summary>
    public const string MissingParamTag = "CS1573";

    /// <summary>The compiler's id for a type parameter without a typeparam tag beside documented ones.</summary>
    public const string MissingTypeParamTag = "CS1712";

    /// <summary>The tool's id for an existing comment that lacks elements the compiler does not ask for (returns, value).</summary>
    public const string IncompleteComment = "CLRF0002";
}

/// <summary>A member that needed a comment, or an addition to one, and was not given it.</summary>
/// <param name="Symbol">The member as the compiler names it.</param>
/// <param name="Kind">What it is, in words.</param>
/// <param name="FilePath">Its file.</param>
/// <param name="Line">The 1-based line of its declaration.</param>
/// <param name="Reason">Why, in words, e.g. <c>not written: declared mid-line …</c>.</param>
public sealed record SkippedMember(string Symbol, string Kind, string FilePath, int Line, string Reason);
