using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// A request body read once as JSON: the typed contract for the fields every route shares, and the raw object for the
/// fields whose shape varies (<c>prompt</c> as text, token ids or a list of prompts) or that only some routes read.
/// </summary>
/// <param name="Raw">The body as JSON.</param>
internal sealed record RequestJson(JsonObject Raw)
{
    /// <summary>Reads the body within the size limit, or says in llama.cpp's error shape why not.</summary>
    public static async Task<(T? Body, RequestJson? Json, IResult? Error)> ReadAsync<T>(HttpContext context, ServerOptions options)
        where T : class
    {
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return (null, null, Errors.Json(StatusCodes.Status413PayloadTooLarge, $"The request has {context.Request.ContentLength} bytes; the limit is {options.MaxRequestBytes}."));
        }

        try
        {
            if (await JsonSerializer.DeserializeAsync<JsonNode>(context.Request.Body, cancellationToken: context.RequestAborted) is not JsonObject raw)
            {
                return (null, null, Errors.Json(StatusCodes.Status400BadRequest, "The body must be a JSON object."));
            }

            // The contract types read prompt as text; other shapes of it are read from the raw object.
            var shared = (JsonObject)raw.DeepClone();
            if (shared["prompt"] is not JsonValue { } value || value.GetValueKind() != JsonValueKind.String)
            {
                shared.Remove("prompt");
            }

            return shared.Deserialize<T>() is { } body ? (body, new RequestJson(raw), null) : (null, null, Errors.Json(StatusCodes.Status400BadRequest, "The body is empty."));
        }
        catch (JsonException exception)
        {
            return (null, null, Errors.Json(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, Errors.Json(StatusCodes.Status413PayloadTooLarge, $"The request is larger than the limit of {options.MaxRequestBytes} bytes."));
        }
    }

    /// <summary>An integer field; <paramref name="fallback"/> when absent or null.</summary>
    public int Int(string name, int fallback) =>
        Raw[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : fallback;

    /// <summary>A boolean field; <paramref name="fallback"/> when absent or null.</summary>
    public bool Bool(string name, bool fallback) => Raw[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? value.GetValue<bool>()
        : fallback;

    /// <summary>How many completions to generate from each prompt: <c>n_cmpl</c>, or OpenAI's <c>n</c>.</summary>
    public int Completions => Int("n_cmpl", Int("n", 1));
}
