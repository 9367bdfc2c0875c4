using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Cli.Tests;

public sealed class CommandRunnerTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new InputException("bad path"), ExitCodes.BadInput },
        { new EnvironmentException("no SDK"), ExitCodes.EnvironmentError },
        { new OperationCanceledException(), ExitCodes.Cancelled },
        { new NullReferenceException("bug"), ExitCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failure_MapsToItsExitCode_WithOneLineOnStderr(Exception failure, int expected)
    {
        var error = new StringWriter();

        var exitCode = await CommandRunner.RunAsync(new ConsoleLog(error, Verbosity.Normal), CancellationToken.None, () => throw failure);

        Assert.Equal(expected, exitCode);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_failure_after_ctrl_c_is_a_cancellation_whatever_its_own_kind()
    {
        // MSBuild's build host takes the same Ctrl+C and disconnects; the loader reports that as a solution it could not open.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var error = new StringWriter();

        var exitCode = await CommandRunner.RunAsync(
            new ConsoleLog(error, Verbosity.Normal), cancelled.Token, () => throw new InputException("Could not open App.sln: The server disconnected unexpectedly."));

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal("error: Cancelled; no file was changed by the unfinished step.", error.ToString().Trim());
    }

    [Fact]
    public async Task A_cancellation_after_the_write_names_the_written_files()
    {
        var error = new StringWriter();

        var exitCode = await CommandRunner.RunAsync(
            new ConsoleLog(error, Verbosity.Normal),
            CancellationToken.None,
            () => throw new CancelledAfterWritingException(["Lib/A.cs", "Lib/B.cs"], new OperationCanceledException()));

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal(
            "error: Cancelled after writing 2 file(s), which stay written: Lib/A.cs, Lib/B.cs. What is left was not checked.",
            error.ToString().Trim());
    }

    [Fact]
    public async Task DiagnosticVerbosity_AddsTheStackTrace()
    {
        var error = new StringWriter();

        await CommandRunner.RunAsync(new ConsoleLog(error, Verbosity.Diagnostic), CancellationToken.None, () => Task.FromException<int>(Thrown()));

        Assert.Contains(nameof(Thrown), error.ToString());
    }

    private static InputException Thrown()
    {
        try
        {
            throw new InputException("bad path");
        }
        catch (InputException exception)
        {
            return exception;
        }
    }
}
