namespace CodeLlama.Refactor.Targets;

/// <summary>An error the compiler reports for a project.</summary>
/// <param name="Id">The diagnostic id, e.g. <c>CS1002</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="FilePath">The absolute path of the file, or null for an error without a source location.</param>
/// <param name="Line">The 1-based line, or 0 without a location.</param>
/// <param name="Column">The 1-based column, or 0 without a location.</param>
/// <param name="IsSyntaxError">True for parser errors, which hide the semantic errors of their file from the command-line compiler.</param>
/// <param name="ProjectName">The project whose compilation reported the error.</param>
public sealed record CompileError(
    string Id,
    string Message,
    string? FilePath,
    int Line,
    int Column,
    bool IsSyntaxError,
    string ProjectName);
