namespace CodeLlama.Refactor.Server;

/// <summary>Where <c>serve</c> listens and what it accepts.</summary>
/// <param name="Host">The address to bind; loopback unless the user opens it up.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="MaxRequestBytes">Larger request bodies get 413.</param>
/// <param name="ApiKey">
/// When set, every request but <c>GET /health</c> must carry <c>Authorization: Bearer</c> with this key, or is answered
/// 401; null serves without authentication, which <c>serve</c> allows on loopback only, and then answers only requests
/// whose <c>Host</c> header names a loopback address or <paramref name="Host"/> (others get 403: a web page that
/// rebinds its own name to 127.0.0.1 cannot drive the server).
/// </param>
/// <param name="MaxQueue">
/// Requests that may wait for a slot beyond those being answered; more get 503 with <c>Retry-After</c>.
/// </param>
public sealed record ServerOptions(
    string Host = "127.0.0.1", int Port = 8765, long MaxRequestBytes = 8 * 1024 * 1024, string? ApiKey = null, int MaxQueue = ServerOptions.DefaultMaxQueue)
{
    /// <summary>The variable <c>serve</c> and every client read the key from when it is not given on the command line.</summary>
    public const string ApiKeyEnvironmentVariable = Inference.Http.EndpointOptions.ApiKeyEnvironmentVariable;

    /// <summary>Requests that may wait for a slot unless told otherwise: enough for a few editors typing at once.</summary>
    public const int DefaultMaxQueue = 64;

    /// <summary>Seconds a client refused with 503 is told to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The most completions one prompt may ask for (<c>n_cmpl</c>, OpenAI's <c>n</c>): the sequences a slot decodes side by side.</summary>
    public static int MaxCompletions => Inference.SamplingSettings.Default.Candidates;

    /// <summary>The most alternatives a token may be reported with (<c>n_probs</c>).</summary>
    public const int MaxProbabilities = 100;

    /// <summary>Answers <c>GET /metrics</c> (llama.cpp's <c>--metrics</c>); without, it answers 501 as llama.cpp does.</summary>
    public bool Metrics { get; init; }

    /// <summary>Answers <c>GET /slots</c> (llama.cpp's default; <c>--no-slots</c> turns it off, and it answers 501).</summary>
    public bool Slots { get; init; } = true;

    /// <summary>The URL Kestrel binds.</summary>
    public string ListenUrl => $"http://{ListenHost.ForUrl(Host)}:{Port}";

    /// <summary>Whether <paramref name="host"/> answers this machine only: a loopback address or <c>localhost</c>.</summary>
    /// <param name="host">A host name or IP address, as given to <c>--host</c>.</param>
    /// <returns>True for 127.0.0.0/8, ::1 (an IPv4 loopback address mapped into IPv6 included) and localhost.</returns>
    public static bool IsLoopback(string host) => ListenHost.IsLoopback(host);
}
