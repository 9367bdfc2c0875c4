using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// An answer to an OpenAI request with <c>"stream": true</c>, as server-sent events: each chunk as one
/// <c>data: {json}</c> event, then <c>data: [DONE]</c>. The model answers whole, so the text arrives as one chunk once it
/// is generated; clients that only speak streaming (many OpenAI-style editor plugins) read it like any other stream.
/// </summary>
internal sealed class EventStream(IReadOnlyList<object> chunks) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        foreach (var chunk in chunks)
        {
            await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, chunk.GetType()) + "\n\n", httpContext.RequestAborted);
        }

        await response.WriteAsync("data: [DONE]\n\n", httpContext.RequestAborted);
    }
}
