using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// Every option of every command, given a bad value: exit code 2 and one line on stderr naming the option, from the
/// parser itself (nothing is loaded). A new option fails <see cref="Every_option_that_takes_a_value_has_bad_values_here"/>
/// until its bad values are listed here.
/// </summary>
public sealed class OptionValueTests
{
    // Options whose value is any text or path: what is wrong with one (a missing model file, an unreachable endpoint) is
    // found where it is used, and has its own tests there.
    private static readonly HashSet<string> FreeText =
    [
        "--output", "--sarif-root", "--include", "--exclude", "--diagnostics", "--exclude-diagnostics", "--model",
        "--llama-native", "--endpoint", "--api-key", "--export",
    ];

    private static readonly Dictionary<string, string[]> BadValues = new()
    {
        ["--format"] = ["xml"],
        ["--verbosity"] = ["loud"],
        ["--severity"] = ["fatal"],
        ["--visibility"] = ["private"],
        ["--tests"] = ["some"],
        ["--sandbox"] = ["maybe"],
        ["--endpoint-kind"] = ["grpc"],
        ["--repair-prompt"] = ["chat"],
        ["--fim-format"] = ["gpt"],
        ["--allow-capability"] = ["root"],
        ["--property"] = ["NoEquals"],
        ["--changed-since"] = ["--output=/tmp/owned", "", " "],
        ["--host"] = ["a#b", "", "http://127.0.0.1"],
        ["--port"] = ["47450x", "-1", "65536", "99999999999"],
        ["--temperature"] = ["hot", "-0.5", "NaN", "Infinity", "1e40"],
        ["--context"] = ["9999999999999", "127", "-5", "2k"],
        ["--gpu-layers"] = ["-1", "all"],
        ["--threads"] = ["0", "1e3", "1025"],
        ["--seed"] = ["-1", "1.5"],
        ["--max-new-tokens"] = ["0", "9999999999"],
        ["--candidates"] = ["0", "65", "-4"],
        ["--max-parallel"] = ["0", "x", "257"],
        ["--request-timeout"] = ["0", "2147484", "ten"],
        ["--max-iterations"] = ["0", "-3", "1001"],
        ["--test-timeout"] = ["0", "99999999", "5m"],
        ["--parallel"] = ["0", "65", "two"],
        ["--queue"] = ["-1", "x", "100001"],
        ["--max-request-kb"] = ["0", "2000000"],
        ["--mutants"] = ["0", "10001", "many"],
        ["--kinds"] = ["typo", "syntax,nope"],
    };

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (command, option) in ValueOptions())
        {
            foreach (var value in BadValues.GetValueOrDefault(option.Name, []))
            {
                cases.Add(command.Name, option.Name, value);
            }
        }

        return cases;
    }

    [Fact]
    public void Every_option_that_takes_a_value_has_bad_values_here()
    {
        var missing = ValueOptions().Select(pair => pair.Option.Name)
            .Where(name => !FreeText.Contains(name) && !BadValues.ContainsKey(name))
            .Distinct()
            .ToList();

        Assert.Empty(missing);
        Assert.True(Cases().Count > 60, $"only {Cases().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_value_is_exit_code_2_with_one_line_naming_the_option(string command, string option, string value)
    {
        // option=value keeps a value that starts with '-' the option's own; an empty one is a token of its own (the
        // parser drops an empty "option=" and would take the next word instead). serve takes no path.
        string[] given = string.IsNullOrWhiteSpace(value) ? [option, value] : [$"{option}={value}"];
        string[] path = command == "serve" ? [] : ["/no/such/App.sln"];
        var (exitCode, output, error) = await CliRunner.RunAsync([command, .. given, .. path]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(string.IsNullOrWhiteSpace(value) ? option : value, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Path not found", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("serve", "--host", "::ffff:127.0.0.1")]
    [InlineData("serve", "--host", "[::1]")]
    [InlineData("serve", "--host", "localhost")]
    [InlineData("serve", "--port", "0")]
    [InlineData("serve", "--queue", "0")]
    [InlineData("fix", "--temperature", "0.6")]
    [InlineData("fix", "--changed-since", "origin/main")]
    [InlineData("doc", "--context", "1048576")]
    [InlineData("fix", "--test-timeout", "2147483")]
    public void A_good_value_parses(string command, string option, string value)
    {
        var parseResult = Program.BuildRootCommand(new ConsoleStreams(TextWriter.Null, TextWriter.Null, IsInteractive: false))
            .Parse([command, option, value]);

        Assert.Empty(parseResult.Errors.Select(error => error.Message));
    }

    private static IEnumerable<(Command Command, Option Option)> ValueOptions() =>
        from command in Program.BuildRootCommand(new ConsoleStreams(TextWriter.Null, TextWriter.Null, IsInteractive: false)).Subcommands
        from option in command.Options
        where option.ValueType != typeof(bool) && option.Name is not ("--help" or "--version")
        select (command, option);
}
