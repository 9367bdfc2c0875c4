using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// The HTTP side every remote model shares: one client with the bearer key, at most
/// <see cref="EndpointOptions.MaxParallel"/> requests in flight, 429 and 503 retried with exponential backoff (a
/// Retry-After header wins), and failures turned into <see cref="InferenceException"/> with the server's words.
/// </summary>
internal sealed class EndpointClient : IDisposable
{
    private const int ErrorExcerpt = 300;

    // Fields left unset are not sent: servers read an absent field as its default, but some refuse a null one
    // (llama.cpp's /infill answers 400 to "input_extra": null).
    private static readonly System.Text.Json.JsonSerializerOptions Body = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient client;
    private readonly SemaphoreSlim parallel;

    public EndpointClient(EndpointOptions options, HttpMessageHandler? handler)
    {
        Options = options;
        client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = options.BaseAddress;
        client.Timeout = options.Timeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        parallel = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
    }

    public EndpointOptions Options { get; }

    public string Unauthorized => Options.ApiKey is null
        ? $"The endpoint {Options.BaseAddress} wants an API key: set {EndpointOptions.ApiKeyEnvironmentVariable}."
        : $"The endpoint {Options.BaseAddress} refused the API key in {EndpointOptions.ApiKeyEnvironmentVariable}.";

    /// <summary>Reads a JSON resource; connection errors surface as <see cref="HttpRequestException"/> for the caller to word.</summary>
    public Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) => client.GetFromJsonAsync<T>(path, cancellationToken);

    /// <summary>Posts <paramref name="body"/> once a slot among the parallel requests is free, retrying a busy server.</summary>
    public async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        await parallel.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostWithRetriesAsync<TRequest, TResponse>(path, body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            parallel.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        parallel.Dispose();
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length > ErrorExcerpt ? text[..ErrorExcerpt] : text;
    }

    private async Task<TResponse> PostWithRetriesAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        var backoff = Options.FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(path, body, Body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new InferenceException($"The request to {Options.BaseAddress}{path} failed: {exception.Message}", exception);
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < Options.MaxRetries)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? backoff;
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    backoff *= 2;
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new InferenceException(Unauthorized);
                }

                if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                {
                    throw new PromptTooLongException($"The endpoint refused the prompt as too large: {await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false)}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new InferenceException(
                        $"The endpoint answered {(int)response.StatusCode}: {await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false)}");
                }

                return await response.Content.ReadFromJsonAsync<TResponse>(cancellationToken).ConfigureAwait(false)
                    ?? throw new InferenceException("The endpoint answered with an empty body.");
            }
        }
    }
}
