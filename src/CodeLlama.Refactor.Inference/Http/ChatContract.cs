using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>The body of an OpenAI-compatible <c>POST /v1/chat/completions</c> (vLLM, llama.cpp's server, <c>serve</c>).</summary>
public sealed class ChatCompletionRequest
{
    /// <summary>The served model's name.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>The conversation so far; the server renders it through the model's chat template.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<ChatMessage> Messages { get; set; } = [];

    /// <summary>The most tokens to generate; <c>serve</c> reads it as llama.cpp does (-1 up to the context, 0 the prompt only).</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    /// <summary>llama.cpp's name for <see cref="MaxTokens"/>, which wins over it (llama.vscode warms the cache with 0); read by <c>serve</c>, never sent.</summary>
    [JsonPropertyName("n_predict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NPredict { get; set; }

    /// <summary>OpenAI's newer name for <see cref="MaxTokens"/>; read by <c>serve</c>, never sent.</summary>
    [JsonPropertyName("max_completion_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxCompletionTokens { get; set; }

    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public float? Temperature { get; set; }

    /// <summary>Sampling seed.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    /// <summary>Texts that end the answer.</summary>
    [JsonPropertyName("stop")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Stop { get; set; }

    /// <summary>Top-p sampling.</summary>
    [JsonPropertyName("top_p")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? TopP { get; set; }

    /// <summary>Asks for the answer as server-sent events; <c>serve</c> sends one chunk per generated token, then one that closes it.</summary>
    [JsonPropertyName("stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Stream { get; set; }
}

/// <summary>One turn of a conversation.</summary>
public sealed class ChatMessage
{
    /// <summary><c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = string.Empty;

    /// <summary>The turn's text. Read from a string or from OpenAI's list of <c>{"type": "text", "text": …}</c> parts.</summary>
    [JsonPropertyName("content")]
    [JsonConverter(typeof(ChatContentConverter))]
    public string Content { get; set; } = string.Empty;
}

/// <summary>The answer of <c>POST /v1/chat/completions</c>.</summary>
public sealed class ChatCompletionResponse
{
    /// <summary>The answer's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Always <c>chat.completion</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set; } = "chat.completion";

    /// <summary>When it was made, in Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; set; }

    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>The answers.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<ChatChoice> Choices { get; set; } = [];

    /// <summary>Token counts.</summary>
    [JsonPropertyName("usage")]
    public OpenAiUsage? Usage { get; set; }
}

/// <summary>One answer.</summary>
public sealed class ChatChoice
{
    /// <summary>Its place among the choices.</summary>
    [JsonPropertyName("index")]
    public int Index { get; set; }

    /// <summary>The assistant's turn.</summary>
    [JsonPropertyName("message")]
    public ChatMessage Message { get; set; } = new();

    /// <summary>With <c>logprobs: true</c>, <c>{"content": [...]}</c> in llama.cpp's shape; left out otherwise, as llama.cpp does.</summary>
    [JsonPropertyName("logprobs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Logprobs { get; set; }

    /// <summary><c>stop</c> when the model ended it, <c>length</c> when it ran out of tokens.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

/// <summary>One chunk of a streamed <c>POST /v1/chat/completions</c> answer.</summary>
public sealed class ChatCompletionChunk
{
    /// <summary>The answer's id, the same in every chunk.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Always <c>chat.completion.chunk</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set; } = "chat.completion.chunk";

    /// <summary>When it was made, in Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; set; }

    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>What this chunk adds to each answer.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<ChatChunkChoice> Choices { get; set; } = [];

    /// <summary>Token counts, in the last chunk.</summary>
    [JsonPropertyName("usage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OpenAiUsage? Usage { get; set; }
}

/// <summary>What one chunk adds to one answer.</summary>
public sealed class ChatChunkChoice
{
    /// <summary>The answer's place among the choices.</summary>
    [JsonPropertyName("index")]
    public int Index { get; set; }

    /// <summary>The text (and, in the first chunk, the role) this chunk adds.</summary>
    [JsonPropertyName("delta")]
    public ChatMessage Delta { get; set; } = new();

    /// <summary>Set in the chunk that ends the answer: <c>stop</c> or <c>length</c>.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

/// <summary>
/// A message's content: OpenAI sends either a string or a list of parts; the text parts are joined and any other part
/// (an image) is refused, since a code model cannot read it.
/// </summary>
internal sealed class ChatContentConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.StartArray:
                var text = new StringBuilder();
                using (var parts = JsonDocument.ParseValue(ref reader))
                {
                    foreach (var part in parts.RootElement.EnumerateArray())
                    {
                        if (part.ValueKind != JsonValueKind.Object
                            || !part.TryGetProperty("type", out var type) || type.GetString() != "text"
                            || !part.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
                        {
                            throw new JsonException("A message's content parts must be {\"type\": \"text\", \"text\": …}; other parts are not supported.");
                        }

                        text.Append(value.GetString());
                    }
                }

                return text.ToString();
            default:
                throw new JsonException("A message's content must be a string or a list of text parts.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
