using System.CommandLine;
using System.Diagnostics;
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
        Description = "A Code Llama GGUF file (7B, 13B or 70B, base or Instruct) that writes candidates and documentation "
            + $"text; every candidate is still verified. Default: ${LlamaModelOptions.ModelEnvironmentVariable}; without either, "
            + "the embedded rules and templates do the job alone.",
    };

    public static readonly Option<int?> GpuLayersOption = OptionalInt(
        "--gpu-layers", "Layers to offload to the GPU. Default: all when a CUDA backend is loaded, else 0.", minimum: 0);

    public static readonly Option<int?> ContextOption = OptionalInt(
        "--context", $"Tokens of context. Default: min({LlamaModelOptions.DefaultContextCap}, the model's trained context).", minimum: 128);

    public static readonly Option<int?> ThreadsOption = OptionalInt("--threads", "CPU threads for inference. Default: one per core.", minimum: 1);

    public static readonly Option<float?> TemperatureOption = new("--temperature")
    {
        Description = "Sampling temperature; 0 is greedy. Default: 0 for doc, 0.6 for fix (so its candidates differ).",
    };

    public static readonly Option<int> SeedOption = new("--seed")
    {
        Description = "Seeds sampling, so that a run can be repeated.",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<int> MaxNewTokensOption = CommonOptions.PositiveIntOption(
        "--max-new-tokens", "The most tokens the model may write for one completion.", 128);

    public static readonly Option<int> CandidatesOption = CommonOptions.PositiveIntOption(
        "--candidates", "Completions the model proposes per error (sampled together from one prompt).", 4);

    public static readonly Option<string?> EndpointOption = new("--endpoint")
    {
        Description = "Use a model served over HTTP instead of loading one: codellama-refactor serve, llama.cpp's server, or an "
            + "OpenAI-compatible server (vLLM, TGI). Not with --model. A key for the server (serve --api-key) is sent from "
            + $"${EndpointOptions.ApiKeyEnvironmentVariable}.",
    };

    public static readonly Option<EndpointKind> EndpointKindOption = CommonOptions.EnumOption(
        "--endpoint-kind", "llamacpp: POST /infill (serve, llama.cpp); openai: POST /v1/completions with the raw Code Llama infill prompt.",
        EndpointKind.LlamaCpp);

    public static readonly Option<int> MaxParallelOption = CommonOptions.PositiveIntOption(
        "--max-parallel", "Requests to --endpoint in flight at once.", 4);

    public static readonly Option<int> RequestTimeoutOption = CommonOptions.PositiveIntOption(
        "--request-timeout", "Seconds one request to --endpoint may take.", 120);

    static ModelOptions()
    {
        TemperatureOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<float?>() is < 0)
            {
                result.AddError("--temperature must be 0 or more.");
            }
        });
    }

    /// <summary>Adds the options that load a GGUF model in-process (shared by fix, doc and serve).</summary>
    public static Command WithModelOptions(this Command command)
    {
        foreach (var option in new Option[] { ModelOption, GpuLayersOption, ContextOption, ThreadsOption, TemperatureOption, SeedOption, MaxNewTokensOption })
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
        command.Options.Add(MaxParallelOption);
        command.Options.Add(RequestTimeoutOption);
        return command;
    }

    /// <summary>
    /// The model named by <c>--endpoint</c>, <c>--model</c> or the environment, or null when none is named. A model that
    /// cannot be used, or an endpoint that cannot be reached, throws <see cref="InputException"/> before any file is read.
    /// </summary>
    public static async Task<IInfillModel?> ConnectAsync(
        ParseResult parseResult, float defaultTemperature, int candidates, ConsoleLog log, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(EndpointOption) is not { Length: > 0 } address)
        {
            return Load(parseResult, defaultTemperature, candidates, log, progress);
        }

        if (!string.IsNullOrWhiteSpace(parseResult.GetValue(ModelOption)))
        {
            throw new InputException("Pass --model or --endpoint, not both.");
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InputException($"--endpoint must be an http:// or https:// URL, not '{address}'.");
        }

        var options = new EndpointOptions(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), parseResult.GetValue(EndpointKindOption))
        {
            MaxParallel = parseResult.GetValue(MaxParallelOption),
            Timeout = TimeSpan.FromSeconds(parseResult.GetValue(RequestTimeoutOption)),
            ContextSize = parseResult.GetValue(ContextOption) ?? LlamaModelOptions.DefaultContextCap,
            MaxNewTokens = parseResult.GetValue(MaxNewTokensOption),
            Temperature = parseResult.GetValue(TemperatureOption) ?? defaultTemperature,
            Seed = parseResult.GetValue(SeedOption),
            // The key comes from the environment only: a key on the command line would show in the process list and in
            // CI logs, and one in a file would end up committed.
            ApiKey = Environment.GetEnvironmentVariable(EndpointOptions.ApiKeyEnvironmentVariable)?.Trim() is { Length: > 0 } key ? key : null,
        };
        progress?.Report(new WorkProgress("Connecting", 0, 1, endpoint.ToString()));
        var model = await HttpInfillModel.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        log.Info($"Using {model.Name} at {endpoint} (context {model.ContextSize} tokens, up to {options.MaxParallel} requests at once).");
        return model;
    }

    /// <summary>
    /// Loads the model named by <c>--model</c> or the environment, or returns null when none is named. A model that cannot
    /// be used throws <see cref="InputException"/> before any file is read.
    /// </summary>
    public static LlamaInfillModel? Load(
        ParseResult parseResult, float defaultTemperature, int candidates, ConsoleLog log, IProgress<WorkProgress>? progress)
    {
        var path = parseResult.GetValue(ModelOption);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(LlamaModelOptions.ModelEnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var options = new LlamaModelOptions(path)
        {
            GpuLayers = parseResult.GetValue(GpuLayersOption),
            ContextSize = parseResult.GetValue(ContextOption),
            Threads = parseResult.GetValue(ThreadsOption),
            Temperature = parseResult.GetValue(TemperatureOption) ?? defaultTemperature,
            Seed = parseResult.GetValue(SeedOption),
            MaxNewTokens = parseResult.GetValue(MaxNewTokensOption),
            MaxCandidates = candidates,
        };
        progress?.Report(new WorkProgress("Loading model", 0, 1, Path.GetFileName(path)));
        var stopwatch = Stopwatch.StartNew();
        var model = LlamaInfillModel.Load(options);
        log.Info($"Loaded {model.Name} in {stopwatch.Elapsed.TotalSeconds:0.0} s (context {model.ContextSize} tokens, {model.GpuLayers} layers on the GPU).");
        return model;
    }

    /// <summary>Says at detailed verbosity how much work the model did.</summary>
    public static void DescribeWork(IInfillModel model, int windowedPrompts, ConsoleLog log)
    {
        if (windowedPrompts > 0)
        {
            log.Detail($"{windowedPrompts} prompts did not fit the context of {model.ContextSize} tokens and showed a window of their file.");
        }

        if (model is not LlamaInfillModel local)
        {
            return;
        }

        var statistics = local.Statistics;
        log.Detail(
            $"Model: {statistics.Requests} prompts; {statistics.PromptTokensEvaluated} prompt tokens evaluated "
            + $"({statistics.PromptTokensPerSecond:0} tokens/s), {statistics.PromptTokensReused} reused from the cache; "
            + $"{statistics.GeneratedTokens} tokens generated ({statistics.GeneratedTokensPerSecond:0} tokens/s).");
    }

    private static Option<int?> OptionalInt(string name, string description, int minimum)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
            {
                result.AddError($"{name} must be at least {minimum}, not {value}.");
            }
        });
        return option;
    }
}
