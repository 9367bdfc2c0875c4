using System.CommandLine;
using System.Globalization;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>
/// <c>bench</c>: injects build errors into a private copy of the user's code and repairs each with the real engine, as
/// <c>fix</c> does; reports exact / passes / left / wrong per kind and per source, pass@k of a model, and the time.
/// </summary>
internal static class BenchCommand
{
    public static readonly Option<int> MutantsOption = CommonOptions.PositiveIntOption(
        "--mutants", "How many build errors to inject in all, shared among the kinds, 1 to 10000.", 24, 10_000);

    public static readonly Option<IReadOnlyList<MutantKind>?> KindsOption = CreateKindsOption();

    public static readonly Option<BenchFormat> BenchFormatOption = CommonOptions.EnumOption(
        "--format", "text: tables for the terminal; json: for CI trend lines; html: a self-contained page with a chart per kind.", BenchFormat.Text, "-f");

    public static readonly Option<FileInfo?> ExportOption = new("--export")
    {
        Description = "Write each repair the tests verified as a FIM training example, one JSON object per line "
            + "(docs/bench-export.schema.json), in the --fim-format family's layout.",
    };

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "bench",
            "Measure repair on your own code: inject build errors (deterministically for --seed) into a private copy of the solution, "
            + "repair each exactly as fix does, and report exact / passes / left / wrong by kind and by source, pass@1 and pass@k of a "
            + "model, and the time. Your files are only read. Exit code 0: every mutant ran and none was repaired wrongly; 1: a repair was "
            + "wrong; 2: bad input (or a solution that does not build); 3: no .NET SDK found; 130: cancelled with Ctrl+C (the partial report is written).")
        {
            CommonOptions.PathArgument,
            MutantsOption,
            KindsOption,
            BenchFormatOption,
            CommonOptions.OutputOption,
            ExportOption,
            FixCommand.MaxIterationsOption,
            FixCommand.TestsOption,
            FixCommand.TestTimeoutOption,
            FixCommand.SandboxOption,
            FixCommand.AllowCapabilityOption,
            ModelOptions.CandidatesOption,
            ModelOptions.RepairPromptOption,
            CommonOptions.NoRestoreOption,
            ScopeOptions.PropertyOption,
            CommonOptions.VerbosityOption,
        }.WithModelOptions().WithEndpointOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    // Comma-separated kind names, repeatable; null (every kind) when not given.
    private static Option<IReadOnlyList<MutantKind>?> CreateKindsOption() => new("--kinds")
    {
        Description = $"The kinds of error to inject, comma-separated: {string.Join(", ", MutantKinds.All.Select(kind => kind.Name()))}. All of them by default.",
        CustomParser = result =>
        {
            var kinds = new List<MutantKind>();
            foreach (var token in result.Tokens)
            {
                foreach (var name in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (MutantKinds.Parse(name) is { } kind)
                    {
                        kinds.Add(kind);
                    }
                    else
                    {
                        result.AddError($"--kinds: '{token.Value}' names '{name}', which is not a kind; use {string.Join(", ", MutantKinds.All.Select(known => known.Name()))}.");
                    }
                }
            }

            return kinds.Distinct().Order().ToList();
        },
    };

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken)
    {
        var verbosity = parseResult.GetValue(CommonOptions.VerbosityOption);
        var log = new ConsoleLog(streams.Error, verbosity);
        return CommandRunner.RunAsync(log, cancellationToken, async () =>
        {
            var path = SolutionPath.Resolve(parseResult.GetValue(CommonOptions.PathArgument)!);
            PrivateFolder.RemoveWhatDeadRunsLeft();
            var fix = new FixOptions(
                parseResult.GetValue(FixCommand.MaxIterationsOption),
                parseResult.GetValue(FixCommand.TestsOption),
                TimeSpan.FromSeconds(parseResult.GetValue(FixCommand.TestTimeoutOption)),
                Restore: CommonOptions.Restore(parseResult),
                Sandbox: parseResult.GetValue(FixCommand.SandboxOption),
                AllowedCapabilities: parseResult.GetValue(FixCommand.AllowCapabilityOption),
                Properties: parseResult.GetValue(ScopeOptions.PropertyOption));
            var candidates = parseResult.GetValue(ModelOptions.CandidatesOption);
            var model = await ModelOptions.ConnectAsync(parseResult, defaultTemperature: SamplingSettings.Default.CandidateTemperature, candidates, log, progress: null, cancellationToken).ConfigureAwait(false);
            using var owned = model as IDisposable;
            IReadOnlyList<ICandidateSource> sources = model is null ? [] : [new ModelRepairSource(model, candidates, parseResult.GetValue(ModelOptions.RepairPromptOption))];
            var plan = new MutantPlan(parseResult.GetValue(MutantsOption), parseResult.GetValue(KindsOption) ?? MutantKinds.All, parseResult.GetValue(ModelOptions.SeedOption));
            var progress = verbosity > Verbosity.Quiet ? new BenchProgressLines(streams.Error) : null;
            var result = await BenchRunner.RunAsync(path, new BenchOptions(plan, fix, sources, candidates), progress, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in result.LoadDiagnostics)
            {
                log.Warning(diagnostic.Message);
            }

            CommandRunner.WriteReport(streams, parseResult.GetValue(CommonOptions.OutputOption), writer => BenchReport.Write(result, parseResult.GetValue(BenchFormatOption), writer));
            if (parseResult.GetValue(ExportOption) is { } export)
            {
                var examples = TrainingExport.Examples(result, ModelOptions.Choice(parseResult, SamplingSettings.Default.CandidateTemperature, candidates).FimFamily);
                CommandRunner.WriteReport(streams, export, writer => TrainingExport.Write(examples, writer));
                log.Info($"{examples.Count} training example(s) written to {export.FullName}");
            }

            if (result.Interrupted)
            {
                log.Error($"Cancelled after {result.Runs.Count} of {result.Mutants} mutant(s); the report above is partial.");
                return ExitCodes.Cancelled;
            }

            return result.IsClean ? ExitCodes.Success : ExitCodes.FindingsRemain;
        });
    }

    /// <summary>One line on stderr per mutant: which of how many, its kind and place, and the time left.</summary>
    private sealed class BenchProgressLines(TextWriter error) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value)
        {
            if (value.Next is not { } next)
            {
                return;
            }

            var left = value.Left is { } time ? $", about {Math.Ceiling(time.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s left" : "";
            error.WriteLine($"bench: mutant {value.Done + 1} of {value.Total} ({next.Kind.Name()}, {next.FilePath}){left}");
        }
    }
}
