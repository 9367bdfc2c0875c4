using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

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
/// <param name="Fix">The verified edit a dry run would have written for it, or null.</param>
public sealed record Finding(string RuleId, string Message, string? File, int Line, int Column, FindingLevel Level, FindingFix? Fix = null);

/// <summary>Builds findings the same way for every report.</summary>
public static class Findings
{
    /// <summary>The finding of an undocumented member: CS1591, or the id given.</summary>
    /// <param name="member">The undocumented member.</param>
    /// <param name="rootDirectory">The folder report paths are relative to.</param>
    /// <param name="ruleId">CS1591, or CLRF0001 in a project whose build does not report CS1591.</param>
    /// <returns>A warning located at the member's name.</returns>
    public static Finding Undocumented(UndocumentedMember member, string rootDirectory, string ruleId = DocumentationDiagnosticIds.MissingComment) => new(
        ruleId,
        $"Missing XML comment for {member.Kind} '{member.Symbol}'",
        RelativePaths.From(rootDirectory, member.FilePath),
        member.Line,
        member.Column,
        FindingLevel.Warning);

    /// <summary>The JSON shape of an undocumented member, the same in every report.</summary>
    /// <param name="member">The undocumented member.</param>
    /// <param name="rootDirectory">The folder report paths are relative to.</param>
    /// <returns>An object with symbol, kind, file and line.</returns>
    public static object UndocumentedJson(UndocumentedMember member, string rootDirectory) => new
    {
        symbol = member.Symbol,
        kind = member.Kind,
        file = RelativePaths.From(rootDirectory, member.FilePath),
        line = member.Line,
    };
}
