using System.CommandLine;
using System.CommandLine.Help;

namespace CodeLlama.Refactor.Cli.Commands;

internal static class RootCommandExtensions
{
    /// <summary>Parses and runs <paramref name="args"/>; a usage error is one line per problem on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(this RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ShowEnumDefaultsAsTyped(root);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Ctrl+C (SIGINT) and SIGTERM cancel the command's token, and the process waits for the command to unwind: a write
            // in progress is finished or rolled back, a test run's process tree is killed and its private copy deleted.
            // Only a command that ignores cancellation for half a minute is abandoned (System.CommandLine's default is 2 s).
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        if (parseResult.Errors.Count > 0)
        {
            // One line per problem, as scripts and CI logs read them; the pointer to --help rides on the same line.
            foreach (var parseError in parseResult.Errors)
            {
                configuration.Error.WriteLine($"error: {OneLine(parseError.Message)} (--help shows the usage)");
            }

            return ExitCodes.BadInput;
        }

        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes help show an enum option's default as its choices are written and typed (<c>[default: text]</c>, not
    /// <c>Text</c>, the enum's own name).
    /// </summary>
    public static RootCommand ShowEnumDefaultsAsTyped(this RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Options.OfType<HelpOption>().FirstOrDefault()?.Action is not HelpAction help)
        {
            return root;
        }

        foreach (var option in root.Subcommands.SelectMany(command => command.Options).Concat(root.Options).Distinct())
        {
            if (option.ValueType.IsEnum && option.HasDefaultValue && option.GetDefaultValue() is { } value)
            {
                var typed = value.ToString()!.ToLowerInvariant();
                help.Builder.CustomizeSymbol(option, defaultValue: _ => typed);
            }
        }

        return root;
    }

    // The parser lists the values an option accepts one per line, indented: joined with spaces, they stay one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
