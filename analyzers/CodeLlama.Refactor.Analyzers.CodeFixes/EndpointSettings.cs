using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// The model endpoint from .editorconfig: <c>codellama_refactor.endpoint = http://127.0.0.1:8765</c> (a
/// <c>codellama-refactor serve</c> or llama.cpp server) and <c>codellama_refactor.timeout_seconds</c> (default 30).
/// The model fixes are offered only when the endpoint is set.
/// </summary>
internal sealed record EndpointSettings(Uri Endpoint, TimeSpan Timeout)
{
    public const string EndpointKey = "codellama_refactor.endpoint";
    public const string TimeoutKey = "codellama_refactor.timeout_seconds";

    public static async Task<EndpointSettings?> ForAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } tree)
        {
            return null;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (!options.TryGetValue(EndpointKey, out var value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var seconds = options.TryGetValue(TimeoutKey, out var timeout) && int.TryParse(timeout, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : 30;
        return new EndpointSettings(endpoint, TimeSpan.FromSeconds(seconds));
    }
}
