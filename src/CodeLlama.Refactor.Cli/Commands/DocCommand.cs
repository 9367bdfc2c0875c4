using System.CommandLine;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>doc</c>: writes verified XML documentation for every undocumented member in scope.</summary>
internal static class DocCommand
{
    public static readonly Option<int> ParallelOption = CommonOptions.PositiveIntOption(
        "--parallel", "Files a model loaded with --model documents at once, each in its own slot with its own prompt cache, decoded "
        + "together in shared batches; each slot gets its share of --context. With --endpoint, --max-parallel sets this instead. 1 to 64.", SamplingSettings.Default.Slots, 64);

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "doc",
            "Write XML documentation for every undocumented member in scope, and add missing param/typeparam/returns tags to "
            + "existing comments. Each file's comments are verified by recompiling before it is written; code is never changed "
            + "and generated code is left alone. Exit code 0: everything in scope is documented and the solution builds; 1: something is left, "
            + "or a compile error anywhere; 2: bad input; "
            + "3: no .NET SDK found; 130: cancelled with Ctrl+C. With --model, a Code Llama model writes the text of each element; the XML around it still comes "
            + "from Roslyn and is verified the same way.")
        {
            CommonOptions.DryRunOption,
            CommonOptions.VerifyNoChangesOption,
            CheckCommand.VisibilityOption,
            ParallelOption,
        }.WithModelOptions().WithEndpointOptions().WithCommonOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken)
    {
        return CommandRunner.RunPipelineAsync(
            parseResult,
            streams,
            cancellationToken,
            async (path, progress, log) =>
            {
                var options = new DocOptions(
                    parseResult.GetValue(CheckCommand.VisibilityOption),
                    await ScopeOptions.FilesAsync(parseResult, path, cancellationToken).ConfigureAwait(false),
                    CommonOptions.DryRun(parseResult),
                    Restore: CommonOptions.Restore(parseResult),
                    Properties: parseResult.GetValue(ScopeOptions.PropertyOption));
                var model = await ModelOptions.ConnectAsync(
                    parseResult, defaultTemperature: SamplingSettings.Default.Temperature, candidates: 1, log, progress, cancellationToken, parseResult.GetValue(ParallelOption))
                    .ConfigureAwait(false);
                using var owned = model as IDisposable;
                var textSource = model is null ? null : new ModelDocText(model);
                var result = await DocPipeline.RunAsync(path, options with { TextSource = textSource }, progress, cancellationToken)
                    .ConfigureAwait(false);
                if (model is not null && textSource is not null)
                {
                    log.Detail($"The model wrote {textSource.Answered} elements; {textSource.Fallbacks} got the template instead.");
                    ModelOptions.DescribeWork(model, textSource.Windowed, log);
                }

                return result;
            },
            DocReport.Write,
            pendingChanges: result => result.Files.Count(file => file.Status == FileStatus.DryRun));
    }
}
