using System.CommandLine;

namespace CodeLlama.Refactor.Cli.Commands;

internal static class RootCommandExtensions
{
    /// <summary>Parses and runs <paramref name="args"/>; a usage error is one line per problem on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(this RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Ctrl+C cancels the command; its cleanup (killing a test run's process tree, deleting the private copy)
            // gets this long before the process is ended anyway. System.CommandLine's default of 2 s cut it short.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                configuration.Error.WriteLine($"error: {parseError.Message}");
            }

            configuration.Error.WriteLine("Run with --help to see the usage.");
            return ExitCodes.BadInput;
        }

        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
