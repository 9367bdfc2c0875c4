using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>check</c>: reports compile errors and undocumented members; changes nothing.</summary>
internal static class CheckCommand
{
    public static readonly Option<Visibility> VisibilityOption = CommonOptions.EnumOption(
        "--visibility",
        "Which members must be documented: public (the compiler's CS1591 rule) or all (internal members too).",
        Visibility.Public);

    public static readonly Option<bool> NoLoadCacheOption = new("--no-load-cache")
    {
        Description = "Wait for MSBuild to load the projects before checking. By default, when the project files are as they were at "
            + "the last run, the check starts from that run's load (kept in your private folder) while MSBuild loads them again, "
            + "and nothing is reported until MSBuild's load is the same; when it is not, the check is made again on it.",
    };

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "check",
            "Report every compile error and every undocumented public member of a solution. Compile errors count in every file: "
            + "--include and --changed-since scope only the documentation findings, --exclude and --exclude-diagnostics leave errors "
            + "out by name. Exit code 0: nothing to report; "
            + "1: findings remain; 2: bad input; 3: no .NET SDK found; 130: cancelled with Ctrl+C.")
        {
            VisibilityOption,
            NoLoadCacheOption,
        }.WithDiagnosticOptions().WithCommonOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken) =>
        CommandRunner.RunPipelineAsync(
            parseResult,
            streams,
            cancellationToken,
            async (path, progress, _) =>
            {
                var (files, change) = await ScopeOptions.FilesAndChangeAsync(parseResult, path, cancellationToken).ConfigureAwait(false);
                var options = new CheckOptions(
                    parseResult.GetValue(VisibilityOption),
                    CommonOptions.Restore(parseResult),
                    files,
                    ScopeOptions.Diagnostics(parseResult),
                    parseResult.GetValue(ScopeOptions.PropertyOption),
                    change)
                {
                    LoadCache = parseResult.GetValue(NoLoadCacheOption) ? null : LoadCache.ForUser(),
                };
                return await CheckPipeline.RunAsync(path, options, progress, cancellationToken).ConfigureAwait(false);
            },
            CheckReport.Write,
            (result, log) => log.Detail($"Loading {result.Times.Loading.TotalSeconds:0.00} s, compiling {result.Times.Compiling.TotalSeconds:0.00} s, "
                + $"documentation {result.Times.Documentation.TotalSeconds:0.00} s."));
}
