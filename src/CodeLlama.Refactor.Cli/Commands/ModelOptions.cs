using System.CommandLine;
using System.Globalization;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>The options of <c>fix</c> and <c>doc</c> that choose and run a Code Llama model.</summary>
internal static class ModelOptions
{
    public static readonly Option<string?> ModelOption = new("--model")
    {
        Description = $"A GGUF file of any fill-in-the-middle code model ({FimFamilyOption.ModelNames}; its FIM tokens are read from "
            + "the file) that writes candidates and documentation "
            + $"text; every candidate is still verified. Default: ${LlamaModelOptions.ModelEnvironmentVariable}; without either, "
            + "the embedded rules and templates do the job alone.",
    };

    /// <summary>The most tokens of context (2^20); Code Llama is trained on 16k and extrapolates to about 100k.</summary>
    public const int MaxContext = 1 << 20;

    public static readonly Option<int?> GpuLayersOption = NumberOptions.CreateOptional(
        "--gpu-layers", "Layers to offload to the GPU. Default: all when a CUDA backend is loaded, else 0.", 0, int.MaxValue);

    public static readonly Option<int?> ContextOption = NumberOptions.CreateOptional(
        "--context", $"Tokens of context, 128 to {MaxContext}. Default: min({LlamaModelOptions.DefaultContextCap}, the model's trained context).", 128, MaxContext);

    public static readonly Option<int?> ThreadsOption = NumberOptions.CreateOptional(
        "--threads", "CPU threads for inference, 1 to 1024. Default: half the logical processors.", 1, 1024);

    public static readonly Option<float?> TemperatureOption = NumberOptions.CreateOptional(
        "--temperature", $"Sampling temperature, 0 to 10; 0 is greedy. Default: {SamplingSettings.Default.Temperature.ToString(CultureInfo.InvariantCulture)} for doc and serve, "
        + $"{SamplingSettings.Default.CandidateTemperature.ToString(CultureInfo.InvariantCulture)} for fix and bench (so their candidates differ).", 0f, 10f);

    public static readonly Option<int> SeedOption = NumberOptions.Create(
        "--seed", "Seeds sampling (0 or more), so that a run can be repeated.", SamplingSettings.Default.Seed, 0, int.MaxValue);

    public static readonly Option<int> MaxNewTokensOption = CommonOptions.PositiveIntOption(
        "--max-new-tokens", "The most tokens the model may write for one completion.", SamplingSettings.Default.MaxNewTokens, MaxContext);

    // llama.cpp holds at most 256 sequences, and each candidate of each slot is one.
    public static readonly Option<int> CandidatesOption = CommonOptions.PositiveIntOption(
        "--candidates", "Completions the model proposes per error (sampled together from one prompt), 1 to 64.", SamplingSettings.Default.Candidates, 64);

    public static readonly Option<string?> EndpointOption = new("--endpoint")
    {
        Description = "Use a model served over HTTP instead of loading one: codellama-refactor serve, llama.cpp's server, or an "
            + "OpenAI-compatible server (vLLM, TGI). Not with --model. A key for the server (serve --api-key) is sent from "
            + $"${EndpointOptions.ApiKeyEnvironmentVariable}.",
    };

    public static readonly Option<EndpointKind> EndpointKindOption = CommonOptions.EnumOption(
        "--endpoint-kind", "llamacpp: POST /infill (serve, llama.cpp); openai: POST /v1/completions with the raw Code Llama infill prompt.",
        EndpointKind.LlamaCpp);

    public static readonly Option<RepairPromptStyle> RepairPromptOption = CommonOptions.EnumOption(
        "--repair-prompt", "fim: the file with the broken code cut out and the diagnostic as comments above the gap; instruct: an instruction "
        + "through the model's chat template (Code Llama Instruct), answered with a code block; with --endpoint it goes to /v1/chat/completions.",
        RepairPromptStyle.Fim);

    public static readonly Option<string> FimFormatOption = FimFamilyOption.Create(
        "--fim-format", "The FIM markers --endpoint-kind openai writes the prompt in");

    public static readonly Option<string?> LlamaNativeOption = new("--llama-native")
    {
        Description = "A folder with a llama.cpp build of your own (its build/bin, holding libllama.so), e.g. one with CUDA, used instead "
            + $"of the bundled CPU backend. Default: ${NativeBackend.EnvironmentVariable}.",
    };

    public static readonly Option<int> MaxParallelOption = CommonOptions.PositiveIntOption(
        "--max-parallel", "Requests to --endpoint in flight at once, 1 to 256.", SamplingSettings.Default.MaxParallel, 256);

    public static readonly Option<int> RequestTimeoutOption = CommonOptions.PositiveIntOption(
        "--request-timeout", "Seconds one request to --endpoint may take.", (int)SamplingSettings.Default.RequestTimeout.TotalSeconds, CommonOptions.MaxTimeoutSeconds);

    /// <summary>Adds the options that load a GGUF model in-process (shared by fix, doc and serve).</summary>
    public static Command WithModelOptions(this Command command)
    {
        foreach (var option in new Option[] { ModelOption, GpuLayersOption, ContextOption, ThreadsOption, LlamaNativeOption, TemperatureOption, SeedOption, MaxNewTokensOption })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>Adds the options that choose a model served over HTTP instead (fix and doc).</summary>
    public static Command WithEndpointOptions(this Command command)
    {
        command.Options.Add(EndpointOption);
        command.Options.Add(EndpointKindOption);
        command.Options.Add(FimFormatOption);
        command.Options.Add(MaxParallelOption);
        command.Options.Add(RequestTimeoutOption);
        return command;
    }

    /// <summary>
    /// The model named by <c>--endpoint</c>, <c>--model</c> or the environment, or null when none is named. A model that
    /// cannot be used, or an endpoint that cannot be reached, throws <see cref="InputException"/> before any file is read.
    /// </summary>
    public static Task<IInfillModel?> ConnectAsync(
        ParseResult parseResult, float defaultTemperature, int candidates, ConsoleLog log, IProgress<WorkProgress>? progress, CancellationToken cancellationToken,
        int parallel = 1) =>
        InfillModelFactory.CreateAsync(Choice(parseResult, defaultTemperature, candidates) with { Parallel = parallel }, log, progress, cancellationToken);

    /// <summary>
    /// Loads the model named by <c>--model</c> or the environment, or returns null when none is named. A model that cannot
    /// be used throws <see cref="InputException"/> before any file is read.
    /// </summary>
    public static LlamaInfillModel? Load(
        ParseResult parseResult, float defaultTemperature, int candidates, ConsoleLog log, IProgress<WorkProgress>? progress, int parallel = 1) =>
        InfillModelFactory.Load(Choice(parseResult, defaultTemperature, candidates) with { Parallel = parallel }, log, progress);

    /// <summary>What the options and the environment ask for; an option given on the command line wins over its variable.</summary>
    public static ModelChoice Choice(ParseResult parseResult, float defaultTemperature, int candidates)
    {
        var endpoint = parseResult.GetResult(EndpointOption) is null ? null : parseResult.GetValue(EndpointOption);
        return new ModelChoice
        {
            ModelPath = NonBlank(parseResult.GetValue(ModelOption))
                ?? (endpoint is { Length: > 0 } ? null : NonBlank(Environment.GetEnvironmentVariable(LlamaModelOptions.ModelEnvironmentVariable))),
            Endpoint = endpoint,
            EndpointKind = parseResult.GetResult(EndpointKindOption) is null ? EndpointKind.LlamaCpp : parseResult.GetValue(EndpointKindOption),
            FimFamily = FimFamilyOption.Read(parseResult, FimFormatOption),
            NativeFolder = NonBlank(parseResult.GetValue(LlamaNativeOption))
                ?? (endpoint is { Length: > 0 } ? null : NonBlank(Environment.GetEnvironmentVariable(NativeBackend.EnvironmentVariable))),
            GpuLayers = parseResult.GetValue(GpuLayersOption),
            Threads = parseResult.GetValue(ThreadsOption),
            ContextSize = parseResult.GetValue(ContextOption),
            Temperature = parseResult.GetValue(TemperatureOption) ?? defaultTemperature,
            Seed = parseResult.GetValue(SeedOption),
            MaxNewTokens = parseResult.GetValue(MaxNewTokensOption),
            Candidates = candidates,
            MaxParallel = parseResult.GetResult(MaxParallelOption) is null ? SamplingSettings.Default.MaxParallel : parseResult.GetValue(MaxParallelOption),
            RequestTimeout = parseResult.GetResult(RequestTimeoutOption) is null ? SamplingSettings.Default.RequestTimeout : TimeSpan.FromSeconds(parseResult.GetValue(RequestTimeoutOption)),
            // The key comes from the environment only: a key on the command line would show in the process list and in
            // CI logs, and one in a file would end up committed.
            ApiKey = NonBlank(Environment.GetEnvironmentVariable(EndpointOptions.ApiKeyEnvironmentVariable))?.Trim(),
            RepairPrompt = parseResult.GetResult(RepairPromptOption) is null ? RepairPromptStyle.Fim : parseResult.GetValue(RepairPromptOption),
        };
    }

    /// <summary>Says at detailed verbosity how much work the model did.</summary>
    public static void DescribeWork(IInfillModel model, int windowedPrompts, ConsoleLog log)
    {
        if (windowedPrompts > 0)
        {
            log.Detail($"{windowedPrompts} prompts did not fit the context of {model.ContextSize} tokens and showed a window of their file.");
        }

        var statistics = model.Statistics;
        log.Detail(
            $"Model: {statistics.Requests} prompts; {statistics.PromptTokensEvaluated} prompt tokens evaluated "
            + $"({statistics.PromptTokensPerSecond:0} tokens/s), {statistics.PromptTokensReused} reused from the cache; "
            + $"{statistics.GeneratedTokens} tokens generated ({statistics.GeneratedTokensPerSecond:0} tokens/s).");
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
