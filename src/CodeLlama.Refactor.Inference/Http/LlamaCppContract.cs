using System.Text.Json.Serialization;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>The body of <c>POST /infill</c>, in llama.cpp server's shape (unknown fields are ignored).</summary>
public sealed class LlamaCppInfillRequest
{
    /// <summary>The text before the gap.</summary>
    [JsonPropertyName("input_prefix")]
    public string? InputPrefix { get; set; }

    /// <summary>The text after the gap.</summary>
    [JsonPropertyName("input_suffix")]
    public string? InputSuffix { get; set; }

    /// <summary>The most tokens to generate.</summary>
    [JsonPropertyName("n_predict")]
    public int? NPredict { get; set; }

    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public float? Temperature { get; set; }

    /// <summary>Sampling seed.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    /// <summary>Keeps the prompt in the slot's cache for the next request that starts like it (default true).</summary>
    [JsonPropertyName("cache_prompt")]
    public bool? CachePrompt { get; set; }

    /// <summary>What the user has typed after the gap's start; it goes after the middle marker.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>Repository context: chunks of other files.</summary>
    [JsonPropertyName("input_extra")]
    public IReadOnlyList<LlamaCppExtraChunk>? InputExtra { get; set; }

    /// <summary>Texts that end the completion.</summary>
    [JsonPropertyName("stop")]
    public IReadOnlyList<string>? Stop { get; set; }

    /// <summary>Ends the completion before a later line indented less than this.</summary>
    [JsonPropertyName("n_indent")]
    public int? NIndent { get; set; }

    /// <summary>Ends the completion once it has generated this many milliseconds and holds a line break.</summary>
    [JsonPropertyName("t_max_predict_ms")]
    public double? TMaxPredictMs { get; set; }

    /// <summary>Answer with only these fields, nested ones flattened with '/' (e.g. <c>timings/prompt_n</c>).</summary>
    [JsonPropertyName("response_fields")]
    public IReadOnlyList<string>? ResponseFields { get; set; }

    /// <summary>The slot to run in; -1 or absent lets the server choose.</summary>
    [JsonPropertyName("id_slot")]
    public int? IdSlot { get; set; }

    /// <summary>Top-k sampling; 0 for all tokens.</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; set; }

    /// <summary>Top-p sampling; 1 for all tokens.</summary>
    [JsonPropertyName("top_p")]
    public float? TopP { get; set; }

    /// <summary>The samplers to apply, as llama.cpp names them (<c>["top_k", "top_p", "infill"]</c>) or letters (<c>"kp"</c>).</summary>
    [JsonPropertyName("samplers")]
    public System.Text.Json.JsonElement? Samplers { get; set; }

    /// <summary>Asks for the answer as server-sent events; <c>serve</c> sends one event per generated token, then one that closes it.</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; set; }
}

/// <summary>One <c>input_extra</c> chunk.</summary>
public sealed class LlamaCppExtraChunk
{
    /// <summary>The file it comes from.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; set; }

    /// <summary>Its text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

/// <summary>The answer of <c>POST /infill</c>, in llama.cpp server's shape.</summary>
public sealed class LlamaCppInfillResponse
{
    /// <summary>The completion.</summary>
    [JsonPropertyName("content")]
    public string Content { get; set; } = string.Empty;

    /// <summary>True in the event that ends a streamed answer, as in every whole one; <c>serve</c>'s answers are always whole.</summary>
    [JsonPropertyName("stop")]
    public bool Stop { get; set; } = true;

    /// <summary>Tokens generated.</summary>
    [JsonPropertyName("tokens_predicted")]
    public int TokensPredicted { get; set; }

    /// <summary>Prompt tokens evaluated.</summary>
    [JsonPropertyName("tokens_evaluated")]
    public int TokensEvaluated { get; set; }

    /// <summary>True when generation ended at the end-of-infill token.</summary>
    [JsonPropertyName("stopped_eos")]
    public bool StoppedEos { get; set; }

    /// <summary>True when generation ended at one of the request's stop texts.</summary>
    [JsonPropertyName("stopped_word")]
    public bool StoppedWord { get; set; }

    /// <summary>True when generation ran out of tokens.</summary>
    [JsonPropertyName("stopped_limit")]
    public bool StoppedLimit { get; set; }

    /// <summary>Prompt tokens taken from the slot's cache.</summary>
    [JsonPropertyName("tokens_cached")]
    public int TokensCached { get; set; }

    /// <summary>True when the prompt had to be cut to fit the context (never: too long a prompt is refused with 413).</summary>
    [JsonPropertyName("truncated")]
    public bool Truncated { get; set; }

    /// <summary>The stop text that ended the completion, or empty.</summary>
    [JsonPropertyName("stopping_word")]
    public string StoppingWord { get; set; } = string.Empty;

    /// <summary>The slot that answered.</summary>
    [JsonPropertyName("id_slot")]
    public int IdSlot { get; set; }

    /// <summary>The model's name.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>Where the time went.</summary>
    [JsonPropertyName("timings")]
    public LlamaCppTimings? Timings { get; set; }
}

/// <summary>The <c>timings</c> object of llama.cpp server's answers.</summary>
public sealed class LlamaCppTimings
{
    /// <summary>Prompt tokens evaluated.</summary>
    [JsonPropertyName("prompt_n")]
    public int PromptN { get; set; }

    /// <summary>Milliseconds spent on the prompt.</summary>
    [JsonPropertyName("prompt_ms")]
    public double PromptMs { get; set; }

    /// <summary>Tokens generated.</summary>
    [JsonPropertyName("predicted_n")]
    public int PredictedN { get; set; }

    /// <summary>Milliseconds spent generating.</summary>
    [JsonPropertyName("predicted_ms")]
    public double PredictedMs { get; set; }

    /// <summary>Milliseconds per prompt token.</summary>
    [JsonPropertyName("prompt_per_token_ms")]
    public double PromptPerTokenMs { get; set; }

    /// <summary>Prompt tokens per second.</summary>
    [JsonPropertyName("prompt_per_second")]
    public double PromptPerSecond { get; set; }

    /// <summary>Milliseconds per generated token.</summary>
    [JsonPropertyName("predicted_per_token_ms")]
    public double PredictedPerTokenMs { get; set; }

    /// <summary>Generated tokens per second.</summary>
    [JsonPropertyName("predicted_per_second")]
    public double PredictedPerSecond { get; set; }
}

/// <summary>The answer of <c>GET /props</c>: what the server's model is and can do.</summary>
public sealed class LlamaCppProps
{
    /// <summary>The model file's path.</summary>
    [JsonPropertyName("model_path")]
    public string? ModelPath { get; set; }

    /// <summary>Whether the model can infill.</summary>
    [JsonPropertyName("infill")]
    public bool Infill { get; set; }

    /// <summary>The settings requests start from, including the context size.</summary>
    [JsonPropertyName("default_generation_settings")]
    public LlamaCppGenerationSettings? DefaultGenerationSettings { get; set; }
}

/// <summary>The part of <c>default_generation_settings</c> clients read.</summary>
public sealed class LlamaCppGenerationSettings
{
    /// <summary>Tokens of context.</summary>
    [JsonPropertyName("n_ctx")]
    public int NCtx { get; set; }

    /// <summary>The default token limit of a completion.</summary>
    [JsonPropertyName("n_predict")]
    public int NPredict { get; set; }
}

/// <summary>An error answer: <c>{"error": {"code": 400, "message": "…", "type": "…"}}</c>, as llama.cpp's server writes it.</summary>
public sealed class LlamaCppError
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")]
    public LlamaCppErrorBody Error { get; set; } = new();
}

/// <summary>The inside of <see cref="LlamaCppError"/>.</summary>
public sealed class LlamaCppErrorBody
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("code")]
    public int Code { get; set; }

    /// <summary>What went wrong.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    /// <summary>The kind of error, e.g. <c>invalid_request_error</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = string.Empty;
}
