using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// An answer to a request with <c>"stream": true</c>, as server-sent events: each chunk as one <c>data: {json}</c> event,
/// then, on the OpenAI routes, <c>data: [DONE]</c> (llama.cpp's own routes end with a chunk holding <c>"stop": true</c>
/// instead). The model answers whole, so the text arrives as one chunk once it is generated; clients that only speak
/// streaming (many editor plugins) read it like any other stream.
/// </summary>
internal sealed class EventStream(IReadOnlyList<object> chunks, bool endWithDone = true) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // The options Results.Json writes with, so that a streamed chunk reads byte for byte like the whole answer.
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var chunk in chunks)
        {
            await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, chunk.GetType(), json) + "\n\n", httpContext.RequestAborted);
        }

        if (endWithDone)
        {
            await response.WriteAsync("data: [DONE]\n\n", httpContext.RequestAborted);
        }
    }
}
