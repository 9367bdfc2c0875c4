using System.CommandLine;
using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        // fix opens the solution through MSBuild first thing: the services of the workspace MSBuild loads it for are
        // composed while the command line is read (a tenth of a second of every fix), and the IDE's, which a fix that
        // starts from the last load needs at once, beside them.
        if (args is ["fix", ..])
        {
            _ = Task.Run(() => CompilerHost.MSBuildServices);
            _ = Task.Run(() => FeatureHost.Services);
        }

        return BuildRootCommand(ConsoleStreams.System).RunAsync(args);
    }

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
