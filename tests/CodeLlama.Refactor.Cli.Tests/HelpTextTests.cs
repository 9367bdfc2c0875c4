using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>What --help says, and the option combinations the parser refuses.</summary>
public sealed partial class HelpTextTests
{
    [Theory]
    [InlineData("doc")]
    [InlineData("fix")]
    public async Task DryRunWithVerifyNoChanges_IsRefused_ExitCode2_OneLine(string command)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(command, "--dry-run", "--verify-no-changes", "/no/such/App.sln");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --dry-run and --verify-no-changes cannot be used together", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Path not found", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("check")]
    [InlineData("doc")]
    [InlineData("fix")]
    [InlineData("serve")]
    public async Task Defaults_AreWrittenAsTheChoicesAre(string command)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        var defaults = DefaultValue().Matches(output).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(defaults);
        Assert.All(defaults, value => Assert.Equal(value.ToLowerInvariant(), value));
        var choices = Choices().Matches(output).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(choices);
        Assert.All(choices, value => Assert.Equal(value.ToLowerInvariant(), value));
        if (command != "serve")
        {
            Assert.Contains("[default: text]", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ServeVerbosity_SpeaksOfTheServersLog_NotOfAReport()
    {
        var (_, output, _) = await CliRunner.RunAsync("serve", "--help");

        var verbosity = Assert.Single(OptionHelp(output, "--verbosity"));
        Assert.DoesNotContain("report", verbosity, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("server", verbosity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRestore_SaysWhatTheReadmeSays_AWarningNotARefusal()
    {
        var (_, output, _) = await CliRunner.RunAsync("check", "--help");
        var readme = File.ReadAllText(Path.Combine(CodeLlama.Refactor.Testing.Samples.RepositoryRoot, "README.md"));

        var noRestore = Assert.Single(OptionHelp(output, "--no-restore"));
        Assert.DoesNotContain("refused", noRestore, StringComparison.Ordinal);
        Assert.Contains("obj/project.assets.json) then gets a warning", noRestore, StringComparison.Ordinal);
        Assert.Contains("without `obj/project.assets.json` then gets a warning", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_NamesTheFimFamiliesItTakes()
    {
        var (_, output, _) = await CliRunner.RunAsync("doc", "--help");

        var model = Assert.Single(OptionHelp(output, "--model"));
        foreach (var family in new[] { "Code Llama", "CodeGemma", "StarCoder2", "DeepSeek-Coder", "Qwen2.5-Coder" })
        {
            Assert.Contains(family, model, StringComparison.Ordinal);
        }
    }

    // An option's help: its row and the indented lines that continue its description, joined.
    private static IEnumerable<string> OptionHelp(string help, string option)
    {
        var lines = help.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (Regex.IsMatch(lines[index], $@"^\s+(-\w, )?{Regex.Escape(option)}\b"))
            {
                var text = lines[index].Trim();
                while (index + 1 < lines.Length && Continuation().IsMatch(lines[index + 1]))
                {
                    text += " " + lines[++index].Trim();
                }

                yield return text;
            }
        }
    }

    [GeneratedRegex(@"<([^<>]+\|[^<>]+)>")]
    private static partial Regex Choices();

    [GeneratedRegex(@"\[default: ([^\]]+)\]")]
    private static partial Regex DefaultValue();

    // A wrapped description continues on a line indented past the option column, with no option of its own.
    [GeneratedRegex(@"^\s{10,}[^\s-]")]
    private static partial Regex Continuation();
}
