using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// The model endpoint from .editorconfig: <c>codellama_refactor.endpoint = http://127.0.0.1:8765</c> (a
/// <c>codellama-refactor serve</c> or llama.cpp server) and <c>codellama_refactor.timeout_seconds</c> (default 30).
/// The model fixes are offered only when the endpoint is set. The key for a <c>serve --api-key</c> comes from the
/// environment variable <c>CODELLAMA_REFACTOR_API_KEY</c> only: .editorconfig is committed with the repository, so a
/// key in it (<c>codellama_refactor.api_key</c>) is never read.
/// </summary>
internal sealed record EndpointSettings(Uri Endpoint, TimeSpan Timeout, string? ApiKey)
{
    public const string EndpointKey = "codellama_refactor.endpoint";
    public const string TimeoutKey = "codellama_refactor.timeout_seconds";
    public const string ApiKeyEnvironmentVariable = "CODELLAMA_REFACTOR_API_KEY";

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
        return new EndpointSettings(endpoint, TimeSpan.FromSeconds(seconds), ApiKeyFromEnvironment());
    }

    // Read when a code fix is offered, in the IDE's process (or dotnet format's), never by the analyzers during a build.
#pragma warning disable RS1035 // The ban on environment access protects analyzers' determinism; a code fix is not an analyzer.
    private static string? ApiKeyFromEnvironment() =>
        Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) is { Length: > 0 } key ? key.Trim() : null;
#pragma warning restore RS1035

    /// <summary>Hides the key from anything that prints the settings.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Endpoint = ").Append(Endpoint).Append(", Timeout = ").Append(Timeout).Append(", ApiKey = ").Append(ApiKey is null ? "none" : "set");
        return true;
    }
}
