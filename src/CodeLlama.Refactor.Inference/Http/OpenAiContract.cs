using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>The body of an OpenAI-compatible <c>POST /v1/completions</c>.</summary>
public sealed class OpenAiCompletionRequest
{
    /// <summary>The served model's name.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>The raw prompt.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>The most tokens to generate; <c>serve</c> reads it as llama.cpp does (-1 up to the context, 0 the prompt only).</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    /// <summary>llama.cpp's name for <see cref="MaxTokens"/>, which wins over it; read by <c>serve</c>, never sent.</summary>
    [JsonPropertyName("n_predict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NPredict { get; set; }

    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public float Temperature { get; set; }

    /// <summary>Sampling seed.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    /// <summary>Texts that end the completion.</summary>
    [JsonPropertyName("stop")]
    public IReadOnlyList<string> Stop { get; set; } = [];

    /// <summary>The text after the gap, for servers that take prefix and suffix apart (OpenAI's insert mode); null when the prompt holds both.</summary>
    [JsonPropertyName("suffix")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suffix { get; set; }

    /// <summary>Top-p sampling.</summary>
    [JsonPropertyName("top_p")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? TopP { get; set; }

    /// <summary>Asks for the answer as server-sent events; <c>serve</c> sends one chunk per generated token, then one that closes it.</summary>
    [JsonPropertyName("stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Stream { get; set; }
}

/// <summary>The answer of <c>POST /v1/completions</c>, and each chunk of it when streamed.</summary>
public sealed class OpenAiCompletionResponse
{
    /// <summary>The completion's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Always <c>text_completion</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set; } = "text_completion";

    /// <summary>When it was made, in Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; set; }

    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>The completions.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<OpenAiChoice> Choices { get; set; } = [];

    /// <summary>Token counts.</summary>
    [JsonPropertyName("usage")]
    public OpenAiUsage? Usage { get; set; }
}

/// <summary>One completion.</summary>
public sealed class OpenAiChoice
{
    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; set; } = string.Empty;

    /// <summary>Its place among the choices.</summary>
    [JsonPropertyName("index")]
    public int Index { get; set; }

    /// <summary>
    /// With <c>logprobs</c> (or <c>n_probs</c>) asked, <c>{"content": [...]}</c>: each token's id, text, bytes, log-probability
    /// and <c>top_logprobs</c>, in llama.cpp's shape; null otherwise, as llama.cpp's server answers.
    /// </summary>
    [JsonPropertyName("logprobs")]
    public JsonObject? Logprobs { get; set; }

    /// <summary><c>stop</c> when the model ended it, <c>length</c> when it ran out of tokens.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

/// <summary>Token counts of a completion.</summary>
public sealed class OpenAiUsage
{
    /// <summary>Prompt tokens.</summary>
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; set; }

    /// <summary>Generated tokens.</summary>
    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; set; }

    /// <summary>Both together.</summary>
    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; set; }
}

/// <summary>The answer of <c>GET /v1/models</c>.</summary>
public sealed class OpenAiModelList
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set; } = "list";

    /// <summary>The served models.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<OpenAiModel> Data { get; set; } = [];
}

/// <summary>One served model.</summary>
public sealed class OpenAiModel
{
    /// <summary>Its name.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Always <c>model</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set; } = "model";

    /// <summary>Who serves it.</summary>
    [JsonPropertyName("owned_by")]
    public string OwnedBy { get; set; } = "codellama-refactor";
}
