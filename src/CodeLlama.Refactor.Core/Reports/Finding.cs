namespace CodeLlama.Refactor.Reports;

/// <summary>How serious a finding is, in SARIF's words.</summary>
public enum FindingLevel
{
    /// <summary>The build fails.</summary>
    Error,

    /// <summary>Something is missing or wrong but the build succeeds.</summary>
    Warning,

    /// <summary>Information only, e.g. an error that was fixed.</summary>
    Note,
}

/// <summary>One result of a run, located in a file of the solution.</summary>
/// <param name="RuleId">The diagnostic id, e.g. <c>CS0103</c> or <c>CS1591</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="File">The path relative to the solution's folder with forward slashes, or null without a location.</param>
/// <param name="Line">The 1-based line, or 0.</param>
/// <param name="Column">The 1-based column, or 0.</param>
/// <param name="Level">How serious it is.</param>
public sealed record Finding(string RuleId, string Message, string? File, int Line, int Column, FindingLevel Level);
