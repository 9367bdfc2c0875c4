using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>The argument and options every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Argument<string> PathArgument = new("path")
    {
        Description = "A .sln, .slnx or .csproj file, or a folder that holds exactly one of them.",
        DefaultValueFactory = _ => ".",
    };

    public static readonly Option<ReportFormat> FormatOption = EnumOption(
        "--format",
        "Report format: text (for people), json (for scripts) or sarif (SARIF 2.1.0, for code scanning).",
        ReportFormat.Text);

    public static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    public static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Print a unified diff of what would change and write nothing: every file under the projects' folders, obj/ and bin/ included, stays as it was.",
    };

    public static readonly Option<bool> NoRestoreOption = new("--no-restore")
    {
        Description = "Never run dotnet restore; load the projects as they are. A project that was never restored is then refused. "
            + "Without it, such a project is restored first (into obj/, as dotnet build does; under --dry-run into a temporary folder).",
    };

    public static readonly Option<Verbosity> VerbosityOption = EnumOption(
        "--verbosity",
        "How much to say on stderr: quiet, minimal, normal, detailed or diagnostic (adds stack traces).",
        Verbosity.Normal,
        "-v");

    /// <summary>A whole-number option that must be at least 1.</summary>
    public static Option<int> PositiveIntOption(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            // A token that is not a number already has the parser's own error.
            if (result.Tokens is [{ Value: var token }] && int.TryParse(token, out var value) && value < 1)
            {
                result.AddError($"{name} must be at least 1, not {value}.");
            }
        });
        return option;
    }

    /// <summary>An option whose values are the lower-case names of <typeparamref name="T"/>, as users type them.</summary>
    public static Option<T> EnumOption<T>(string name, string description, T defaultValue, params string[] aliases)
        where T : struct, Enum
    {
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(Enum.GetNames<T>().Select(value => value.ToLowerInvariant()).ToArray());
        return option;
    }

    /// <summary>Adds the shared argument and options to <paramref name="command"/>.</summary>
    public static Command WithCommonOptions(this Command command)
    {
        command.Arguments.Add(PathArgument);
        command.Options.Add(FormatOption);
        command.Options.Add(OutputOption);
        command.Options.Add(NoRestoreOption);
        command.Options.Add(VerbosityOption);
        return command;
    }

    /// <summary>Whether loading may restore, from <c>--no-restore</c>.</summary>
    public static RestoreMode Restore(ParseResult parseResult) =>
        parseResult.GetValue(NoRestoreOption) ? RestoreMode.Never : RestoreMode.Auto;
}
