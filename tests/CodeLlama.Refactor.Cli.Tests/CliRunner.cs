using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Cli.Output;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>Runs the tool in-process as a user would from a shell, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var streams = new ConsoleStreams(output, error, IsInteractive: false);

        var exitCode = await Program.BuildRootCommand(streams).RunAsync(args, output, error);

        return (exitCode, output.ToString(), error.ToString());
    }
}
