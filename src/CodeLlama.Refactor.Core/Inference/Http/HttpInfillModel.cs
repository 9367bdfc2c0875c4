using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// A model behind HTTP: <c>codellama-refactor serve</c>, llama.cpp's server, or an OpenAI-compatible server. K candidates
/// are K requests with seeds Seed … Seed + K − 1, sent in parallel up to <see cref="EndpointOptions.MaxParallel"/>; a
/// request answered 429 or 503 is retried with exponential backoff. Token counts are estimated (one token per three
/// UTF-8 bytes, more than Code Llama's tokenizer gives for code), so prompts are cut early rather than too late.
/// </summary>
public sealed class HttpInfillModel : IInfillModel, IDisposable
{
    private const int BytesPerToken = 3;
    private readonly HttpClient client;
    private readonly EndpointOptions options;
    private readonly SemaphoreSlim parallel;
    private readonly string modelName;

    private HttpInfillModel(HttpClient client, EndpointOptions options, string modelName, int contextSize)
    {
        this.client = client;
        this.options = options;
        this.modelName = modelName;
        ContextSize = contextSize;
        parallel = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        Name = options.Kind == EndpointKind.LlamaCpp ? options.BaseAddress.Authority : modelName;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int ContextSize { get; }

    /// <inheritdoc/>
    public int MaxNewTokens => options.MaxNewTokens;

    /// <summary>Connects to the endpoint and reads what it serves.</summary>
    /// <param name="options">Where and how.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="handler">The HTTP handler; null for the default.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InputException">The endpoint cannot be reached or does not serve an infill model.</exception>
    public static async Task<HttpInfillModel> ConnectAsync(EndpointOptions options, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = options.BaseAddress;
        client.Timeout = options.Timeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        try
        {
            if (options.Kind == EndpointKind.LlamaCpp)
            {
                var props = await client.GetFromJsonAsync<LlamaCppProps>("props", cancellationToken).ConfigureAwait(false);
                var context = props?.DefaultGenerationSettings?.NCtx is > 0 and var size ? size : options.ContextSize;
                return new HttpInfillModel(client, options, props?.ModelPath ?? options.BaseAddress.Authority, context);
            }

            var name = options.Model;
            if (name is null)
            {
                var models = await client.GetFromJsonAsync<OpenAiModelList>("v1/models", cancellationToken).ConfigureAwait(false);
                name = models?.Data.FirstOrDefault()?.Id ?? throw new InputException($"The endpoint {options.BaseAddress} lists no model.");
            }

            return new HttpInfillModel(client, options, name, options.ContextSize);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            client.Dispose();
            throw new InputException(Unauthorized(options), exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
            && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new InputException($"Cannot reach the {Describe(options.Kind)} endpoint {options.BaseAddress}: {exception.Message}", exception);
        }
    }

    /// <inheritdoc/>
    public int CountTokens(string text) => (Encoding.UTF8.GetByteCount(text) + BytesPerToken - 1) / BytesPerToken;

    /// <inheritdoc/>
    public async Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, request.Candidates))
            .Select(index => OneAsync(request, (request.Seed ?? options.Seed) + index, cancellationToken))).ConfigureAwait(false);
        var promptTokens = answers.Max(answer => answer.PromptTokens);
        return new InfillResult(
            answers.Select(answer => answer.Completion).ToList(), promptTokens, answers.Sum(answer => answer.PromptTokens), TimeSpan.Zero, stopwatch.Elapsed);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        client.Dispose();
        parallel.Dispose();
    }

    private static string Unauthorized(EndpointOptions options) => options.ApiKey is null
        ? $"The endpoint {options.BaseAddress} wants an API key: set {EndpointOptions.ApiKeyEnvironmentVariable}."
        : $"The endpoint {options.BaseAddress} refused the API key in {EndpointOptions.ApiKeyEnvironmentVariable}.";

    private static string Describe(EndpointKind kind) => kind == EndpointKind.LlamaCpp ? "llama.cpp /infill" : "OpenAI-compatible";

    private async Task<(InfillCompletion Completion, int PromptTokens)> OneAsync(InfillRequest request, int seed, CancellationToken cancellationToken)
    {
        await parallel.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var maxNew = request.MaxNewTokens ?? options.MaxNewTokens;
            var temperature = request.Temperature ?? options.Temperature;
            if (options.Kind == EndpointKind.LlamaCpp)
            {
                var body = new LlamaCppInfillRequest
                {
                    InputPrefix = request.Prefix, InputSuffix = request.Suffix, NPredict = maxNew, Temperature = temperature, Seed = seed, CachePrompt = true,
                };
                var answer = await PostAsync<LlamaCppInfillRequest, LlamaCppInfillResponse>("infill", body, cancellationToken).ConfigureAwait(false);
                return (new InfillCompletion(answer.Content, 0, answer.StoppedEos, answer.TokensPredicted), answer.TokensEvaluated);
            }

            var completion = new OpenAiCompletionRequest
            {
                Model = modelName,
                // Code Llama's infill format as text; the server's tokenizer turns the markers into its special tokens.
                Prompt = $"<PRE> {request.Prefix} <SUF>{request.Suffix} <MID>",
                MaxTokens = maxNew,
                Temperature = temperature,
                Seed = seed,
                Stop = ["<EOT>"],
            };
            var response = await PostAsync<OpenAiCompletionRequest, OpenAiCompletionResponse>("v1/completions", completion, cancellationToken).ConfigureAwait(false);
            var choice = response.Choices.FirstOrDefault() ?? throw new InferenceException("The endpoint answered with no completion.");
            return (new InfillCompletion(choice.Text, 0, choice.FinishReason == "stop", response.Usage?.CompletionTokens ?? 0),
                response.Usage?.PromptTokens ?? 0);
        }
        finally
        {
            parallel.Release();
        }
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        var backoff = options.FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(path, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new InferenceException($"The request to {options.BaseAddress}{path} failed: {exception.Message}", exception);
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < options.MaxRetries)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? backoff;
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    backoff *= 2;
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new InferenceException(Unauthorized(options));
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

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length > 300 ? text[..300] : text;
    }
}
