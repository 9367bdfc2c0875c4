namespace CodeLlama.Refactor.Inference.Http;

/// <summary>Which API an endpoint speaks.</summary>
public enum EndpointKind
{
    /// <summary><c>POST /infill</c> as llama.cpp's server (and <c>codellama-refactor serve</c>) answer it.</summary>
    LlamaCpp,

    /// <summary>An OpenAI-compatible <c>POST /v1/completions</c> (vLLM, TGI) given the raw FIM prompt in the model's format.</summary>
    OpenAi,
}

/// <summary>How to reach a remote model.</summary>
/// <param name="BaseAddress">The server, e.g. <c>http://127.0.0.1:8765</c>.</param>
/// <param name="Kind">The API it speaks.</param>
public sealed record EndpointOptions(Uri BaseAddress, EndpointKind Kind = EndpointKind.LlamaCpp)
{
    /// <summary>
    /// The environment variable that holds the key for <c>serve --api-key</c> (and any server that wants a bearer token).
    /// Keys come from the environment only, never from a file in the repository, where they would be committed.
    /// </summary>
    public const string ApiKeyEnvironmentVariable = "CODELLAMA_REFACTOR_API_KEY";

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = SamplingSettings.Default.RequestTimeout;

    /// <summary>Retries of a request answered 429 or 503, with exponential backoff.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff; each retry doubles it (a Retry-After header wins).</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests in flight at once, over all callers.</summary>
    public int MaxParallel { get; init; } = SamplingSettings.Default.MaxParallel;

    /// <summary>Tokens of context, when the server does not say (OpenAI-compatible servers do not).</summary>
    public int ContextSize { get; init; } = 16384;

    /// <summary>The most tokens one completion may add.</summary>
    public int MaxNewTokens { get; init; } = SamplingSettings.Default.MaxNewTokens;

    /// <summary>Sampling temperature; 0 is greedy.</summary>
    public float Temperature { get; init; } = SamplingSettings.Default.Temperature;

    /// <summary>Seeds sampling; candidate i of a request uses Seed + i.</summary>
    public int Seed { get; init; } = SamplingSettings.Default.Seed;

    /// <summary>The model name sent to an OpenAI-compatible server; null for the first one it lists.</summary>
    public string? Model { get; init; }

    /// <summary>The FIM markers of the served model, for an OpenAI-compatible server (llama.cpp's /infill knows its own).</summary>
    public FimTextFormat FimFormat { get; init; } = FimTextFormat.CodeLlama;

    /// <summary>Sent as <c>Authorization: Bearer</c> with every request; null sends none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Keeps the key out of logs and exception messages that print the options.</summary>
    /// <param name="builder">Receives the members.</param>
    /// <returns>True: members were written.</returns>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"BaseAddress = {BaseAddress}, Kind = {Kind}, Timeout = {Timeout}, MaxRetries = {MaxRetries}, FirstBackoff = {FirstBackoff}, ")
            .Append(System.Globalization.CultureInfo.InvariantCulture,
            $"MaxParallel = {MaxParallel}, ContextSize = {ContextSize}, MaxNewTokens = {MaxNewTokens}, Temperature = {Temperature}, Seed = {Seed}, ")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Model = {Model}, FimFormat = {FimFormat.Family}, ApiKey = {(ApiKey is null ? "none" : "set")}");
        return true;
    }
}
