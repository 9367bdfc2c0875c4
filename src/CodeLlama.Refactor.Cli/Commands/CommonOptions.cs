using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Reports;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>The argument and options every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Argument<string> PathArgument = new("path")
    {
        Description = "A .sln, .slnx or .csproj file, or a folder that holds exactly one of them.",
        DefaultValueFactory = _ => ".",
    };

    public static readonly Option<ReportFormat> FormatOption = new("--format")
    {
        Description = "Report format: text (for people), json (for scripts) or sarif (SARIF 2.1.0, for code scanning).",
        DefaultValueFactory = _ => ReportFormat.Text,
    };

    public static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    public static readonly Option<Verbosity> VerbosityOption = new("--verbosity", "-v")
    {
        Description = "How much to say on stderr: quiet, minimal, normal, detailed or diagnostic (adds stack traces).",
        DefaultValueFactory = _ => Verbosity.Normal,
    };

    /// <summary>Adds the shared argument and options to <paramref name="command"/>.</summary>
    public static Command WithCommonOptions(this Command command)
    {
        command.Arguments.Add(PathArgument);
        command.Options.Add(FormatOption);
        command.Options.Add(OutputOption);
        command.Options.Add(VerbosityOption);
        return command;
    }
}
