namespace CodeLlama.Refactor.Server;

/// <summary>Where <c>serve</c> listens and what it accepts.</summary>
/// <param name="Host">The address to bind; loopback unless the user opens it up.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="MaxRequestBytes">Larger request bodies get 413.</param>
/// <param name="ApiKey">
/// When set, every request but <c>GET /health</c> must carry <c>Authorization: Bearer</c> with this key, or is answered
/// 401; null serves without authentication, which <c>serve</c> allows on loopback only.
/// </param>
public sealed record ServerOptions(string Host = "127.0.0.1", int Port = 8765, long MaxRequestBytes = 8 * 1024 * 1024, string? ApiKey = null)
{
    /// <summary>The variable <c>serve</c> and every client read the key from when it is not given on the command line.</summary>
    public const string ApiKeyEnvironmentVariable = Inference.Http.EndpointOptions.ApiKeyEnvironmentVariable;

    /// <summary>Whether <paramref name="host"/> answers this machine only: a loopback address or <c>localhost</c>.</summary>
    /// <param name="host">A host name or IP address, as given to <c>--host</c>.</param>
    /// <returns>True for 127.0.0.0/8, ::1 and localhost.</returns>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var trimmed = host.Trim().TrimStart('[').TrimEnd(']');
        return string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(trimmed, out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
