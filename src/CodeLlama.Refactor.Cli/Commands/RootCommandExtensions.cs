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
