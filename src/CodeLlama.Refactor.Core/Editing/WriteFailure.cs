namespace CodeLlama.Refactor.Editing;

/// <summary>Why the system refused a write, in the words of the operating system, without the paths it repeats.</summary>
internal static class WriteFailure
{
    /// <summary>The reason behind <paramref name="exception"/>, e.g. "Operation not permitted" or "No space left on device".</summary>
    /// <param name="exception">What a file operation threw.</param>
    /// <returns>One short phrase.</returns>
    public static string Describe(Exception exception)
    {
        // On Unix, access errors carry the system's own message (EPERM, EACCES, EROFS) as their inner exception.
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var message = innermost.Message;
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        message = path > 0 ? message[..path] : message;
        return exception is UnauthorizedAccessException && innermost == exception ? "access denied" : message.TrimEnd('.');
    }

    /// <summary>True for the exceptions a file operation throws when the system refuses it.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>True for I/O and access errors.</returns>
    public static bool IsWriteError(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
