using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>The argument and options every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Argument<string> PathArgument = CreatePathArgument();

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
        Description = "Never run dotnet restore; load the projects as they are. A project that was never restored (no "
            + "obj/project.assets.json) then gets a warning, and errors about its packages' types may follow. Without it, such a "
            + "project is restored first (into obj/, as dotnet build does; under --dry-run into a temporary folder).",
    };

    public static readonly Option<Verbosity> VerbosityOption = CreateVerbosityOption(
        "How much to say on stderr: q[uiet], m[inimal], n[ormal], d[etailed] (the text report lists every member) "
        + "or diag[nostic] (adds stack traces).");

    /// <summary>serve's --verbosity: serve writes no report, only its log.</summary>
    public static readonly Option<Verbosity> ServeVerbosityOption = CreateVerbosityOption(
        "How much the server logs on stderr: q[uiet], m[inimal], n[ormal], d[etailed] (adds debug messages) or diag[nostic] (adds stack traces).");

    public static readonly Option<bool> VerifyNoChangesOption = CreateVerifyNoChangesOption();

    public static readonly Option<DirectoryInfo?> SarifRootOption = new("--sarif-root")
    {
        Description = "The folder SARIF paths are relative to (default: the git working tree's top folder, else the solution's folder).",
    };

    /// <summary>A whole-number option from 1 to <paramref name="maximum"/>.</summary>
    public static Option<int> PositiveIntOption(string name, string description, int defaultValue, int maximum = int.MaxValue) =>
        NumberOptions.Create(name, description, defaultValue, 1, maximum);

    /// <summary>The most seconds a timeout may be: a longer one does not fit the timers that enforce it (int.MaxValue ms).</summary>
    public const int MaxTimeoutSeconds = int.MaxValue / 1000;

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

    /// <summary>Adds the shared argument and options to <paramref name="command"/>: path, report, loading and scope.</summary>
    public static Command WithCommonOptions(this Command command)
    {
        command.Arguments.Add(PathArgument);
        command.Options.Add(FormatOption);
        command.Options.Add(OutputOption);
        command.Options.Add(SarifRootOption);
        command.Options.Add(NoRestoreOption);
        command.Options.Add(ScopeOptions.PropertyOption);
        command.Options.Add(VerbosityOption);
        command.Options.Add(ScopeOptions.IncludeOption);
        command.Options.Add(ScopeOptions.ExcludeOption);
        command.Options.Add(ScopeOptions.ChangedSinceOption);
        return command;
    }

    // MSBuild's and dotnet's names and their abbreviations: q[uiet], m[inimal], n[ormal], d[etailed], diag[nostic].
    private static Option<Verbosity> CreateVerbosityOption(string description) => new("--verbosity", "-v")
    {
        Description = description,
        // The words as typed, not the enum's names.
        HelpName = "q[uiet]|m[inimal]|n[ormal]|d[etailed]|diag[nostic]",
        DefaultValueFactory = _ => Verbosity.Normal,
        CustomParser = result =>
        {
            var word = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (VerbosityWords.TryParse(word, out var verbosity))
            {
                return verbosity;
            }

            result.AddError($"--verbosity: '{word}' is not a verbosity; use q[uiet], m[inimal], n[ormal], d[etailed] or diag[nostic].");
            return Verbosity.Normal;
        },
    };

    // --dry-run shows the diff and exits 0; --verify-no-changes shows it and exits 1 when there is one: asking for both
    // leaves the exit code's meaning open, so the parser refuses it (exit code 2) rather than pick one.
    private static Option<bool> CreateVerifyNoChangesOption()
    {
        var option = new Option<bool>("--verify-no-changes")
        {
            Description = "Write nothing; print the diff of what would change and exit 1 if anything would (a CI gate, as dotnet format's). "
                + "Not with --dry-run.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) && result.GetValue(DryRunOption))
            {
                result.AddError("--dry-run and --verify-no-changes cannot be used together: --verify-no-changes already writes nothing.");
            }
        });
        return option;
    }

    // A token that starts with '-' and names no file lands here when no option matched it: say so, as dotnet does.
    private static Argument<string> CreatePathArgument()
    {
        var argument = new Argument<string>("path")
        {
            Description = "A .sln, .slnx or .csproj file, or a folder that holds exactly one of them.",
            DefaultValueFactory = _ => ".",
        };
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', ..] token }] && !File.Exists(token) && !Directory.Exists(token))
            {
                result.AddError($"Unrecognized option '{token}'.");
            }
        });
        return argument;
    }

    /// <summary>True for a dry run: <c>--dry-run</c> or <c>--verify-no-changes</c>.</summary>
    public static bool DryRun(ParseResult parseResult) =>
        parseResult.GetValue(DryRunOption) || parseResult.GetValue(VerifyNoChangesOption);

    /// <summary>Whether loading may restore, from <c>--no-restore</c>.</summary>
    public static RestoreMode Restore(ParseResult parseResult) =>
        parseResult.GetValue(NoRestoreOption) ? RestoreMode.Never : RestoreMode.Auto;
}
