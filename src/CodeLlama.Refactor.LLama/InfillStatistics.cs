namespace CodeLlama.Refactor.LLama;

/// <summary>Counters of the work a model did, for benchmarks and <c>--verbosity detailed</c>.</summary>
public sealed class InfillStatistics
{
    /// <summary>Prompts answered.</summary>
    public int Requests { get; internal set; }

    /// <summary>Prompt tokens evaluated by the model.</summary>
    public long PromptTokensEvaluated { get; internal set; }

    /// <summary>Prompt tokens whose KV cache was kept from the previous prompt instead.</summary>
    public long PromptTokensReused { get; internal set; }

    /// <summary>Tokens generated, over all candidates.</summary>
    public long GeneratedTokens { get; internal set; }

    /// <summary>Time spent evaluating prompts.</summary>
    public TimeSpan PromptTime { get; internal set; }

    /// <summary>Time spent generating.</summary>
    public TimeSpan GenerationTime { get; internal set; }

    /// <summary>Prompt tokens evaluated per second.</summary>
    public double PromptTokensPerSecond => PromptTime > TimeSpan.Zero ? PromptTokensEvaluated / PromptTime.TotalSeconds : 0;

    /// <summary>Tokens generated per second.</summary>
    public double GeneratedTokensPerSecond => GenerationTime > TimeSpan.Zero ? GeneratedTokens / GenerationTime.TotalSeconds : 0;
}
