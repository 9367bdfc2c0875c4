using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>check</c>: reports compile errors and undocumented members; changes nothing.</summary>
internal static class CheckCommand
{
    public static readonly Option<Visibility> VisibilityOption = CommonOptions.EnumOption(
        "--visibility",
        "Which members must be documented: public (the compiler's CS1591 rule) or all (internal members too).",
        Visibility.Public);

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "check",
            "Report every compile error and every undocumented public member of a solution. Exit code 0: nothing to report; "
            + "1: findings remain; 2: bad input; 3: no .NET SDK found.")
        {
            VisibilityOption,
        }.WithCommonOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken)
    {
        var verbosity = parseResult.GetValue(CommonOptions.VerbosityOption);
        var log = new ConsoleLog(streams.Error, verbosity);
        return CommandRunner.RunAsync(log, async () =>
        {
            var path = SolutionPath.Resolve(parseResult.GetValue(CommonOptions.PathArgument)!);
            var options = new CheckOptions(parseResult.GetValue(VisibilityOption));
            CheckResult result;
            using (var progress = StderrProgress.For(streams, verbosity))
            {
                result = await CheckPipeline.RunAsync(path, options, progress, cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in result.LoadDiagnostics)
            {
                log.Warning(diagnostic.Message);
            }

            log.Detail($"Loading {result.Times.Loading.TotalSeconds:0.00} s, compiling {result.Times.Compiling.TotalSeconds:0.00} s, "
                + $"documentation {result.Times.Documentation.TotalSeconds:0.00} s.");

            var format = parseResult.Format();
            CommandRunner.WriteReport(streams, parseResult.GetValue(CommonOptions.OutputOption),
                writer => CheckReport.Write(result, format, writer));
            return result.IsClean ? ExitCodes.Success : ExitCodes.FindingsRemain;
        });
    }
}
