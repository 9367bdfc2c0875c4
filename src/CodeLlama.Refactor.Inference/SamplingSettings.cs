namespace CodeLlama.Refactor.Inference;

/// <summary>
/// How completions are sampled and scheduled, with every default defined here once: the command-line options, the
/// in-process model (<c>LlamaModelOptions</c>), the HTTP clients (<see cref="Http.EndpointOptions"/>) and the server's
/// <c>/props</c> all start from <see cref="Default"/>.
/// </summary>
public sealed record SamplingSettings
{
    /// <summary>The defaults.</summary>
    public static SamplingSettings Default { get; } = new();

    /// <summary>The most tokens one completion may add (llama.cpp's <c>n_predict</c>).</summary>
    public int MaxNewTokens { get; init; } = 128;

    /// <summary>Sampling temperature; 0 is greedy, which documentation and the server use unless told otherwise.</summary>
    public float Temperature { get; init; }

    /// <summary>
    /// The temperature of commands that sample several candidates from one prompt (fix, bench), so that the candidates differ.
    /// </summary>
    public float CandidateTemperature { get; init; } = 0.6f;

    /// <summary>Seeds sampling, so a run can be repeated; candidate i of a request uses Seed + i.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Top-k: the most likely tokens sampling chooses among (llama.cpp's default); 0 for all of them.</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Top-p: the smallest set of tokens whose probabilities reach it; 1 for all of them.</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Completions sampled together from one prompt: candidates per error, and the most one request may ask for (<c>n_cmpl</c>).</summary>
    public int Candidates { get; init; } = 4;

    /// <summary>Requests to an endpoint in flight at once, over all callers.</summary>
    public int MaxParallel { get; init; } = 4;

    /// <summary>Slots of an in-process model: requests decoded together in shared batches (llama.cpp's <c>-np</c>).</summary>
    public int Slots { get; init; } = 1;

    /// <summary>How long one request to an endpoint may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
