using System.Net;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>Answers HTTP requests from a script, in order, and keeps what was sent, to check a client's wire format.</summary>
internal sealed class ScriptedHandler(params HttpResponseMessage[] responses) : HttpMessageHandler
{
    private int next;

    public List<Uri> Requests { get; } = [];

    public List<string> Bodies { get; } = [];

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        return responses[next++];
    }
}
