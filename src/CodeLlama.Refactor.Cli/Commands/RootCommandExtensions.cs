using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;

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

        return parseResult.Action is HelpAction
            ? await WriteHelpAsync(root, parseResult, configuration).ConfigureAwait(false)
            : await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }

    // System.CommandLine writes an enum option's default with the enum's own name ([default: Text]) beside the lower-case
    // choices users type, and keeps its help builder internal: the help text is rewritten once written instead.
    private static async Task<int> WriteHelpAsync(RootCommand root, ParseResult parseResult, InvocationConfiguration configuration)
    {
        var help = new StringWriter();
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = help, Error = configuration.Error })
            .ConfigureAwait(false);
        configuration.Output.Write(WithEnumDefaultsAsTyped(root, help.ToString()));
        return exitCode;
    }

    /// <summary>
    /// <paramref name="help"/> with each enum option's default written as its choices are (<c>[default: text]</c>, not
    /// <c>[default: Text]</c>).
    /// </summary>
    internal static string WithEnumDefaultsAsTyped(RootCommand root, string help)
    {
        var names = root.Subcommands.SelectMany(command => command.Options).Concat(root.Options)
            .Where(option => option.ValueType.IsEnum && option.HasDefaultValue)
            .Select(option => option.GetDefaultValue()?.ToString())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // The help wraps long lines, possibly between "[default:" and the value.
            help = Regex.Replace(help, $@"(\[default:\s+){Regex.Escape(name)}\]", match => match.Groups[1].Value + name.ToLowerInvariant() + "]");
        }

        return help;
    }

    // The parser lists the values an option accepts one per line, indented: joined with spaces, they stay one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
