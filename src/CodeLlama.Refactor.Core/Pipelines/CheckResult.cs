using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>What <see cref="CheckPipeline"/> found.</summary>
/// <param name="RootDirectory">The folder that report paths are relative to.</param>
/// <param name="Projects">How many C# projects were analysed.</param>
/// <param name="Documents">How many source documents they hold.</param>
/// <param name="Errors">
/// Every compile error, syntax errors first, wherever it is: only <c>--exclude</c> and <c>--exclude-diagnostics</c>
/// leave one out (see <see cref="ExcludedErrors"/>).
/// </param>
/// <param name="Undocumented">Every undocumented member in scope, by file and line.</param>
/// <param name="LoadDiagnostics">What loading the solution reported.</param>
/// <param name="Times">Wall time of each stage.</param>
public sealed record CheckResult(
    string RootDirectory,
    int Projects,
    int Documents,
    IReadOnlyList<CompileError> Errors,
    IReadOnlyList<UndocumentedMember> Undocumented,
    IReadOnlyList<LoadDiagnostic> LoadDiagnostics,
    StageTimes Times) : IPipelineResult
{
    /// <summary>Wall time of the whole check, loading included.</summary>
    public TimeSpan Elapsed => Times.Loading + Times.Compiling + Times.Documentation;

    /// <summary>The compile errors the user excluded by name: not counted, named in the report.</summary>
    public IReadOnlyList<CompileError> ExcludedErrors { get; init; } = [];

    /// <summary>
    /// With <c>--changed-since</c>, the errors of <see cref="Errors"/> that its merge base has too (pre-existing); every
    /// other error is caused by the change. Null when no change was named. Both kinds count.
    /// </summary>
    public IReadOnlySet<CompileError>? PreExistingErrors { get; init; }

    /// <summary>
    /// The members of <see cref="Undocumented"/> in projects whose build does not report CS1591 (no documentation file):
    /// reported as CLRF0001, the rest as CS1591.
    /// </summary>
    public IReadOnlySet<UndocumentedMember> NotReportedByBuild { get; init; } = new HashSet<UndocumentedMember>();

    /// <summary>The id a member of <see cref="Undocumented"/> is reported under: CS1591, or CLRF0001 where the build reports none.</summary>
    /// <param name="member">A member of <see cref="Undocumented"/>.</param>
    /// <returns>The diagnostic id.</returns>
    public string RuleIdOf(UndocumentedMember member) => NotReportedByBuild.Contains(member)
        ? DocumentationDiagnosticIds.MissingCommentBeyondBuild
        : DocumentationDiagnosticIds.MissingComment;

    /// <summary>True when nothing is broken (apart from what was excluded by name) and nothing in scope is undocumented.</summary>
    public bool IsClean => Errors.Count == 0 && Undocumented.Count == 0;
}

/// <summary>Wall time of the stages of a check.</summary>
/// <param name="Loading">Opening the solution through MSBuild (and restoring it when needed).</param>
/// <param name="Compiling">Compiling every project and collecting its errors.</param>
/// <param name="Documentation">Finding undocumented members.</param>
public sealed record StageTimes(TimeSpan Loading, TimeSpan Compiling, TimeSpan Documentation);
