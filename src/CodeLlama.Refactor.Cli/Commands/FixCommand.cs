using System.CommandLine;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>fix</c>: repairs compile errors with verified candidates and writes only what was proven.</summary>
internal static class FixCommand
{
    public static readonly Option<int> MaxIterationsOption = CommonOptions.PositiveIntOption(
        "--max-iterations", "How many compile-and-repair rounds at most, 1 to 1000 (fixing syntax errors reveals semantic ones).", 5, 1000);

    public static readonly Option<TestMode> TestsOption = CommonOptions.EnumOption(
        "--tests",
        "affected: the tests that reach a changed member first, then every test of the test projects that depend on the changed "
        + "projects, before writing; impacted: only the tests that reach a changed member; all: every test project; none: "
        + "compilation alone decides.",
        TestMode.Affected);

    public static readonly Option<int> TestTimeoutOption = CommonOptions.PositiveIntOption(
        "--test-timeout", "Seconds the test runs of one attempt may take.", 300, CommonOptions.MaxTimeoutSeconds);

    public static readonly Option<SandboxMode> SandboxOption = CommonOptions.EnumOption(
        "--sandbox",
        "auto: run candidate tests in a sandbox (bubblewrap, else unshare) when one can be made, and where none can, neither "
        + "test nor write what a model wrote; required: exit 3 when no sandbox can be made; off: run the tests on the host.",
        SandboxMode.Auto);

    public static readonly Option<bool> AllowFailingTestsOption = new("--allow-failing-tests")
    {
        Description = "Write fixes even when the tests fail with them.",
    };

    public static readonly Option<IReadOnlyList<Capability>> AllowCapabilityOption = CapabilityOption();

    public static readonly Option<bool> NoLoadCacheOption = new("--no-load-cache")
    {
        Description = "Wait for MSBuild to load the projects before repairing. By default, when the project files are as they were at "
            + "the last run, the repair starts from that run's load (kept in your private folder) while MSBuild loads them "
            + "again, and nothing is written or reported until MSBuild's load is the same; when it is not, the repair starts again from it.",
    };

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "fix",
            "Repair compile errors: candidates from parser recovery, the IDE's code fixes and type-directed repairs (in-scope values "
            + "of the right type) are verified by recompiling, then "
            + "the affected tests are run; only changes that compile and pass are written. Exit code 0: the solution builds; "
            + "1: errors remain (or a fix was refused); 2: bad input; 3: no .NET SDK found; 130: cancelled with Ctrl+C. With --model, a Code Llama model also "
            + "rewrites the statement around each error (K candidates), verified the same way.")
        {
            CommonOptions.DryRunOption,
            CommonOptions.VerifyNoChangesOption,
            MaxIterationsOption,
            TestsOption,
            TestTimeoutOption,
            AllowFailingTestsOption,
            SandboxOption,
            AllowCapabilityOption,
            NoLoadCacheOption,
            ModelOptions.CandidatesOption,
            ModelOptions.RepairPromptOption,
        }.WithModelOptions().WithEndpointOptions().WithDiagnosticOptions().WithCommonOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    // Comma-separated words, repeatable: --allow-capability file,process --allow-capability network.
    private static Option<IReadOnlyList<Capability>> CapabilityOption()
    {
        var option = new Option<IReadOnlyList<Capability>>("--allow-capability")
        {
            Description = $"Capabilities a repair may add that the code it replaces did not use ({string.Join(", ", CapabilityNames.All)}); "
                + "by default none. .editorconfig can allow them too: codellama_refactor.allowed_capabilities = file,process.",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
            CustomParser = result =>
            {
                var all = new List<Capability>();
                foreach (var token in result.Tokens)
                {
                    if (!CapabilityNames.TryParse(token.Value, out var named, out var unknown))
                    {
                        result.AddError($"--allow-capability: '{unknown}' is not a capability; use {string.Join(", ", CapabilityNames.All)}.");
                    }

                    all.AddRange(named);
                }

                return all.Distinct().ToList();
            },
        };
        return option;
    }

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken)
    {
        var settings = new FixOptions(
            parseResult.GetValue(MaxIterationsOption),
            parseResult.GetValue(TestsOption),
            TimeSpan.FromSeconds(parseResult.GetValue(TestTimeoutOption)),
            parseResult.GetValue(AllowFailingTestsOption),
            CommonOptions.DryRun(parseResult),
            Restore: CommonOptions.Restore(parseResult),
            Sandbox: parseResult.GetValue(SandboxOption),
            AllowedCapabilities: parseResult.GetValue(AllowCapabilityOption),
            Diagnostics: ScopeOptions.Diagnostics(parseResult),
            Properties: parseResult.GetValue(ScopeOptions.PropertyOption))
        {
            LoadCache = parseResult.GetValue(NoLoadCacheOption) ? null : LoadCache.ForUser(),
        };
        return CommandRunner.RunPipelineAsync(
            parseResult,
            streams,
            cancellationToken,
            async (path, progress, log) =>
            {
                // Before a model is loaded: --sandbox required stops here (exit 3) when none can be made. Otherwise the probe
                // (a sandbox started once) runs beside the load, and what it found is said with the tests' notes.
                var sandboxSelection = settings.Tests == TestMode.None ? null : SandboxSelection.ForAsync(settings.Sandbox, cancellationToken);
                if (settings.Sandbox == SandboxMode.Required && sandboxSelection is not null)
                {
                    await sandboxSelection.ConfigureAwait(false);
                }

                var candidates = parseResult.GetValue(ModelOptions.CandidatesOption);
                var model = await ModelOptions.ConnectAsync(parseResult, defaultTemperature: SamplingSettings.Default.CandidateTemperature, candidates, log, progress, cancellationToken)
                    .ConfigureAwait(false);
                using var owned = model as IDisposable;
                var modelSource = model is null ? null : new ModelRepairSource(model, candidates, parseResult.GetValue(ModelOptions.RepairPromptOption));
                var (files, change) = await ScopeOptions.FilesAndChangeAsync(parseResult, path, cancellationToken).ConfigureAwait(false);
                var options = settings with { ExtraSources = modelSource is null ? null : [modelSource], Files = files, Change = change };
                var result = await FixPipeline.RunAsync(path, options, progress, cancellationToken).ConfigureAwait(false);
                if (sandboxSelection is not null)
                {
                    var sandbox = await sandboxSelection.ConfigureAwait(false);
                    log.Detail($"Candidate tests run in: {sandbox?.Description ?? "no sandbox (none can be made here; model-written candidates are not tested)"}");
                    if (settings.Sandbox != SandboxMode.Off && (await SandboxDetector.GetAsync(cancellationToken).ConfigureAwait(false)).Reason is { Length: > 0 } reason)
                    {
                        log.Detail($"Sandboxes that cannot be used here: {reason}");
                    }
                }

                foreach (var note in result.Tests?.Notes ?? [])
                {
                    log.Detail($"Tests: {note}");
                }

                if (model is not null && modelSource is not null)
                {
                    ModelOptions.DescribeWork(model, modelSource.Windowed, log);
                }

                return result;
            },
            FixReport.Write,
            pendingChanges: result => result.Files.Count(file => file.Status == FileStatus.DryRun));
    }
}
