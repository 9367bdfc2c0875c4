using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Cli.Output;

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

        var exitCode = await CommandRunner.RunAsync(new ConsoleLog(error, Verbosity.Normal), () => throw failure);

        Assert.Equal(expected, exitCode);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DiagnosticVerbosity_AddsTheStackTrace()
    {
        var error = new StringWriter();

        await CommandRunner.RunAsync(new ConsoleLog(error, Verbosity.Diagnostic), () => Task.FromException<int>(Thrown()));

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
