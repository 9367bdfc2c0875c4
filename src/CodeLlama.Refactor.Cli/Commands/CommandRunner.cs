using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>
/// Runs a command's body and turns every way it can end into an exit code and at most one line on stderr; a stack
/// trace only at diagnostic verbosity.
/// </summary>
internal static class CommandRunner
{
    /// <summary>
    /// Runs <paramref name="body"/>. Once <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM), whatever the
    /// body ends with is exit code 130: a step interrupted by the signal may fail in its own way rather than as a
    /// cancellation (MSBuild's build host, which takes the same Ctrl+C, disconnects; a killed dotnet restore exits 1).
    /// </summary>
    public static async Task<int> RunAsync(ConsoleLog log, CancellationToken cancellationToken, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CancelledAfterWritingException exception)
        {
            // The files are complete and stay written; only what came after the write was cut short.
            log.Error($"Cancelled after writing {exception.WrittenFiles.Count} file(s), which stay written: {string.Join(", ", exception.WrittenFiles)}. What is left was not checked.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            log.Error("Cancelled; no file was changed by the unfinished step.");
            if (log.Verbosity >= Verbosity.Diagnostic)
            {
                log.Error(exception.ToString());
            }

            return ExitCodes.Cancelled;
        }
        catch (InputException exception)
        {
            return Fail(log, exception, ExitCodes.BadInput);
        }
        catch (EnvironmentException exception)
        {
            return Fail(log, exception, ExitCodes.EnvironmentError);
        }
        catch (Exception exception)
        {
            return Fail(log, exception, ExitCodes.InternalError, "internal error, please report it: ");
        }
    }

    /// <summary>
    /// The body every pipeline command shares: resolve the path, run with progress, show what loading reported, write the
    /// report in the chosen format, and exit 0 only when nothing is left to report. Under <c>--verify-no-changes</c>,
    /// <paramref name="pendingChanges"/> says how many files would change, and any makes the exit code 1.
    /// </summary>
    public static Task<int> RunPipelineAsync<TResult>(
        ParseResult parseResult,
        ConsoleStreams streams,
        CancellationToken cancellationToken,
        Func<SolutionPath, IProgress<WorkProgress>?, ConsoleLog, Task<TResult>> run,
        Action<TResult, ReportSettings, TextWriter> writeReport,
        Action<TResult, ConsoleLog>? describe = null,
        Func<TResult, int>? pendingChanges = null)
        where TResult : IPipelineResult
    {
        var verbosity = parseResult.GetValue(CommonOptions.VerbosityOption);
        var log = new ConsoleLog(streams.Error, verbosity);
        return RunAsync(log, cancellationToken, async () =>
        {
            var path = SolutionPath.Resolve(parseResult.GetValue(CommonOptions.PathArgument)!);
            // A run killed with SIGKILL could not remove its copy of the solution: the next run does, whatever it does.
            PrivateFolder.RemoveWhatDeadRunsLeft();
            TResult result;
            using (var progress = StderrProgress.For(streams, verbosity))
            {
                result = await run(path, progress, log).ConfigureAwait(false);
            }

            foreach (var diagnostic in result.LoadDiagnostics)
            {
                log.Warning(diagnostic.Message);
            }

            describe?.Invoke(result, log);
            var format = parseResult.GetValue(CommonOptions.FormatOption);
            var settings = new ReportSettings(
                format,
                ListEveryItem: verbosity >= Verbosity.Detailed,
                SarifRoot: format == ReportFormat.Sarif ? await SarifRootAsync(parseResult, path).ConfigureAwait(false) : null);
            WriteReport(streams, parseResult.GetValue(CommonOptions.OutputOption), writer => writeReport(result, settings, writer));
            if (parseResult.GetValue(CommonOptions.VerifyNoChangesOption) && pendingChanges?.Invoke(result) is > 0 and var pending)
            {
                log.Error($"{pending} file(s) would change (--verify-no-changes); nothing was written.");
                return ExitCodes.FindingsRemain;
            }

            return result.IsClean ? ExitCodes.Success : ExitCodes.FindingsRemain;
        });
    }

    // GitHub code scanning resolves SARIF paths from the repository's root, not from the solution's folder.
    private static async Task<string> SarifRootAsync(ParseResult parseResult, SolutionPath path) =>
        parseResult.GetValue(CommonOptions.SarifRootOption)?.FullName
        ?? await GitChanges.TopLevelAsync(path.RootDirectory).ConfigureAwait(false)
        ?? path.RootDirectory;

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
