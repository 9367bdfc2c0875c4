namespace CodeLlama.Refactor.Reports;

/// <summary>How a report is written.</summary>
public enum ReportFormat
{
    /// <summary>Lines for people, in the compiler's <c>file(line,col): error ID: message</c> shape.</summary>
    Text,

    /// <summary>JSON for scripts.</summary>
    Json,

    /// <summary>SARIF 2.1.0 for code-scanning services.</summary>
    Sarif,
}
