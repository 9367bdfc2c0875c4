using System.CommandLine;
using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Cli.Output;

namespace CodeLlama.Refactor.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => BuildRootCommand(ConsoleStreams.System).RunAsync(args);

    internal static RootCommand BuildRootCommand(ConsoleStreams streams) =>
        new("Finds, fixes and documents what is wrong with a C# solution, verifying every change before it is written.")
        {
            BenchCommand.GetCommand(streams),
            CheckCommand.GetCommand(streams),
            DocCommand.GetCommand(streams),
            FixCommand.GetCommand(streams),
            ServeCommand.GetCommand(streams),
        };
}
