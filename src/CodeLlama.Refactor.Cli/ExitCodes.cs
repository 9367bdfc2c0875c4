namespace CodeLlama.Refactor.Cli;

/// <summary>The exit codes of every command, the contract CI scripts rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to report: the solution builds and everything in scope is documented.</summary>
    public const int Success = 0;

    /// <summary>
    /// Findings remain: compile errors or undocumented members; also when a run's verified edits could not be written
    /// (a conflict, a refused file, a write the system refused), in which case no file was changed.
    /// </summary>
    public const int FindingsRemain = 1;

    /// <summary>Bad usage or bad input: a missing path, an unreadable file, no project found, a bad option value.</summary>
    public const int BadInput = 2;

    /// <summary>The environment cannot do the job: no .NET SDK or MSBuild found.</summary>
    public const int EnvironmentError = 3;

    /// <summary>The tool itself failed unexpectedly; the message says what to report.</summary>
    public const int InternalError = 4;

    /// <summary>The user pressed Ctrl+C; the conventional 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
