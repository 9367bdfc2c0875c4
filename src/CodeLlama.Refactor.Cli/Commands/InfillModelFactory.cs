using System.Diagnostics;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>What the model options of a command asked for, read from the command line and the environment.</summary>
internal sealed record ModelChoice
{
    public string? ModelPath { get; init; }

    public string? Endpoint { get; init; }

    public EndpointKind EndpointKind { get; init; }

    public FimFamilyDescriptor FimFamily { get; init; } = FimFamilyDescriptor.CodeLlama;

    public string? NativeFolder { get; init; }

    public int? GpuLayers { get; init; }

    public int? Threads { get; init; }

    public int? ContextSize { get; init; }

    public float Temperature { get; init; } = SamplingSettings.Default.Temperature;

    public int Seed { get; init; } = SamplingSettings.Default.Seed;

    public int MaxNewTokens { get; init; } = SamplingSettings.Default.MaxNewTokens;

    public int Candidates { get; init; } = SamplingSettings.Default.Candidates;

    public int MaxParallel { get; init; } = SamplingSettings.Default.MaxParallel;

    public int Parallel { get; init; } = SamplingSettings.Default.Slots;

    public RepairPromptStyle RepairPrompt { get; init; }

    public TimeSpan RequestTimeout { get; init; } = SamplingSettings.Default.RequestTimeout;

    public string? ApiKey { get; init; }
}

/// <summary>
/// Turns a <see cref="ModelChoice"/> into a model: a GGUF loaded in-process, a model behind --endpoint, or none. Every
/// contradiction and every unusable file or address is an <see cref="InputException"/> before any file is read.
/// </summary>
internal static class InfillModelFactory
{
    /// <summary>The model asked for, or null when none is.</summary>
    public static async Task<IInfillModel?> CreateAsync(
        ModelChoice choice, ConsoleLog log, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Endpoint is not { Length: > 0 } address)
        {
            return Load(choice, log, progress);
        }

        Refuse(choice.ModelPath is { Length: > 0 }, "Pass --model or --endpoint, not both.");
        Refuse(choice.GpuLayers is not null || choice.Threads is not null,
            "--gpu-layers and --threads configure a model loaded here; with --endpoint the server decides them: drop them or drop --endpoint.");
        Refuse(choice.Parallel > 1, "--parallel sets the slots of a model loaded here; with --endpoint, --max-parallel sets the requests in flight.");
        Refuse(choice.NativeFolder is { Length: > 0 }, "--llama-native chooses the llama.cpp of a model loaded here; it does nothing with --endpoint.");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InputException($"--endpoint must be an http:// or https:// URL, not '{address}'.");
        }

        var options = new EndpointOptions(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), choice.EndpointKind)
        {
            MaxParallel = choice.MaxParallel,
            Timeout = choice.RequestTimeout,
            ContextSize = choice.ContextSize ?? LlamaModelOptions.DefaultContextCap,
            MaxNewTokens = choice.MaxNewTokens,
            Temperature = choice.Temperature,
            Seed = choice.Seed,
            FimFormat = FimTextFormat.For(choice.FimFamily),
            ApiKey = choice.ApiKey,
        };
        progress?.Report(new WorkProgress("Connecting", 0, 1, endpoint.ToString()));
        var model = await HttpInfillModel.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        log.Info($"Using {model.Name} at {endpoint} (context {model.ContextSize} tokens, up to {options.MaxParallel} requests at once).");
        return model;
    }

    /// <summary>The GGUF named by the choice, loaded in-process, or null when none is named.</summary>
    public static LlamaInfillModel? Load(ModelChoice choice, ConsoleLog log, IProgress<WorkProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.NativeFolder is { Length: > 0 } folder)
        {
            // Before anything else touches llama.cpp: the first native call loads the library for good.
            NativeBackend.Use(folder);
            log.Detail($"llama.cpp from {NativeBackend.Folder}.");
        }

        if (string.IsNullOrWhiteSpace(choice.ModelPath))
        {
            return null;
        }

        var options = new LlamaModelOptions(choice.ModelPath)
        {
            GpuLayers = choice.GpuLayers,
            ContextSize = choice.ContextSize,
            Threads = choice.Threads,
            Temperature = choice.Temperature,
            Seed = choice.Seed,
            MaxNewTokens = choice.MaxNewTokens,
            MaxCandidates = choice.Candidates,
            Parallel = choice.Parallel,
        };
        progress?.Report(new WorkProgress("Loading model", 0, 1, Path.GetFileName(choice.ModelPath)));
        var stopwatch = Stopwatch.StartNew();
        var model = LlamaInfillModel.Load(options);
        log.Info($"Loaded {model.Name} in {stopwatch.Elapsed.TotalSeconds:0.0} s (context {model.ContextSize} tokens{(model.Slots > 1 ? $" in each of {model.Slots} slots" : "")}, {model.GpuLayers} layers on the GPU).");
        return model;
    }

    private static void Refuse(bool contradiction, string message)
    {
        if (contradiction)
        {
            throw new InputException(message);
        }
    }
}
