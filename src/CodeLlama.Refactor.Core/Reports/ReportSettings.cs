namespace CodeLlama.Refactor.Reports;

/// <summary>How a report is written.</summary>
/// <param name="Format">Text, JSON or SARIF.</param>
/// <param name="ListEveryItem">
/// True to list every member documented or left undocumented in the text report (<c>--verbosity detailed</c>); false for
/// the errors, the files and the summary only.
/// </param>
/// <param name="SarifRoot">
/// The folder SARIF paths are relative to: the repository's top folder, which code-scanning services resolve them from;
/// null for the solution's folder.
/// </param>
public sealed record ReportSettings(ReportFormat Format, bool ListEveryItem = true, string? SarifRoot = null);
