using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Reports;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>
/// Runs a command's body and turns every way it can end into an exit code and at most one line on stderr; a stack
/// trace only at diagnostic verbosity.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ConsoleLog log, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (InputException exception)
        {
            return Fail(log, exception, ExitCodes.BadInput);
        }
        catch (EnvironmentException exception)
        {
            return Fail(log, exception, ExitCodes.EnvironmentError);
        }
        catch (OperationCanceledException)
        {
            log.Error("Cancelled; no file was changed by the unfinished step.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            return Fail(log, exception, ExitCodes.InternalError, "internal error, please report it: ");
        }
    }

    /// <summary>Writes a report to <paramref name="output"/> when given, else to stdout.</summary>
    public static void WriteReport(ConsoleStreams streams, FileInfo? output, Action<TextWriter> write)
    {
        if (output is null)
        {
            write(streams.Out);
            return;
        }

        try
        {
            using var writer = new StringWriter();
            write(writer);
            File.WriteAllText(output.FullName, writer.ToString());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot write the report to {output.FullName}: {exception.Message}", exception);
        }
    }

    public static ReportFormat Format(this System.CommandLine.ParseResult parseResult) =>
        parseResult.GetValue(CommonOptions.FormatOption);

    private static int Fail(ConsoleLog log, Exception exception, int exitCode, string prefix = "")
    {
        log.Error(prefix + exception.Message);
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            log.Error(exception.ToString());
        }

        return exitCode;
    }
}
