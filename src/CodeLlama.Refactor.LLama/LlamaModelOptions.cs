using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.LLama;

/// <summary>How to load and sample a GGUF model.</summary>
/// <param name="ModelPath">The .gguf file.</param>
public sealed record LlamaModelOptions(string ModelPath)
{
    /// <summary>The environment variable that names a model when <c>--model</c> is not given.</summary>
    public const string ModelEnvironmentVariable = "CODELLAMA_REFACTOR_MODEL";

    /// <summary>The context used when none is asked for: Code Llama's trained 16k, or less when the model has less.</summary>
    public const int DefaultContextCap = 16384;

    /// <summary>Layers to offload to the GPU; null for all of them when a CUDA backend is loaded, else none.</summary>
    public int? GpuLayers { get; init; }

    /// <summary>Tokens of context; null for min(16384, the model's trained context).</summary>
    public int? ContextSize { get; init; }

    /// <summary>CPU threads; null for <see cref="LlamaInfillModel.DefaultThreads"/> (half the logical processors).</summary>
    public int? Threads { get; init; }

    /// <summary>Requests decoded together (as llama.cpp's <c>-np</c> slots), each with its own prompt cache.</summary>
    public int Parallel { get; init; } = SamplingSettings.Default.Slots;

    /// <summary>The most completions one request may ask for (sequences decoded side by side).</summary>
    public int MaxCandidates { get; init; } = SamplingSettings.Default.Candidates;

    /// <summary>Sampling temperature; 0 is greedy.</summary>
    public float Temperature { get; init; } = SamplingSettings.Default.Temperature;

    /// <summary>Seeds sampling, so a run can be repeated.</summary>
    public int Seed { get; init; } = SamplingSettings.Default.Seed;

    /// <summary>The most tokens one completion may add.</summary>
    public int MaxNewTokens { get; init; } = SamplingSettings.Default.MaxNewTokens;

    /// <summary>Keeps the evaluated prompt in the KV cache and evaluates only what a new prompt adds.</summary>
    public bool ReusePromptPrefix { get; init; } = true;
}
