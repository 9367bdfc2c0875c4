namespace CodeLlama.Refactor.Editing;

/// <summary>
/// A run was cancelled after its verified files had been written. The files stay written (a committed write is never
/// undone), and what came after the write (the check of what is left, the report) did not run. It is a cancellation, so
/// every caller that stops on one stops on this one too; a command says which files were written.
/// </summary>
public sealed class CancelledAfterWritingException : OperationCanceledException
{
    /// <summary>Creates the exception for the files <paramref name="writtenFiles"/> and the cancellation that followed.</summary>
    /// <param name="writtenFiles">The written files, relative to the solution's folder.</param>
    /// <param name="cancellation">The cancellation that stopped the steps after the write.</param>
    public CancelledAfterWritingException(IReadOnlyList<string> writtenFiles, OperationCanceledException cancellation)
        : base($"Cancelled after {writtenFiles.Count} file(s) were written.", cancellation, cancellation.CancellationToken)
    {
        WrittenFiles = writtenFiles;
    }

    /// <summary>The written files, relative to the solution's folder.</summary>
    public IReadOnlyList<string> WrittenFiles { get; }
}
