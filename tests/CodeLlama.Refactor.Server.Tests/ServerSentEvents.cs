using System.Net;
using System.Text.Json;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>Reads a <c>text/event-stream</c> answer as streaming clients do: <c>data:</c> lines, up to <c>[DONE]</c> on OpenAI's routes.</summary>
internal static class ServerSentEvents
{
    /// <summary>The JSON of each event (before <c>[DONE]</c>); fails the test if the answer is not a finished event stream.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(HttpResponseMessage response, bool endsWithDone = true)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        if (endsWithDone)
        {
            Assert.Equal("data: [DONE]", events[^1]);
            events = events[..^1];
        }

        return events.Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement.Clone()).ToList();
    }
}
