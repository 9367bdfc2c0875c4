using System.Diagnostics;
using System.Net;
using System.Text;

namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// A model behind HTTP: <c>codellama-refactor serve</c>, llama.cpp's server (<see cref="LlamaCppInfillModel"/>), or an
/// OpenAI-compatible server (<see cref="OpenAiInfillModel"/>). K candidates are K requests with seeds Seed … Seed + K − 1,
/// sent in parallel up to <see cref="EndpointOptions.MaxParallel"/>. An instruction prompt goes to
/// <c>/v1/chat/completions</c> whichever the protocol (<see cref="ChatCompletions"/>). Token counts are estimated (one token per three
/// UTF-8 bytes, more than Code Llama's tokenizer gives for code), so prompts are cut early rather than too late.
/// </summary>
public abstract class HttpInfillModel : IInfillModel, IDisposable
{
    private const int BytesPerToken = 3;

    private protected HttpInfillModel(EndpointClient endpoint, string name, int contextSize)
    {
        Endpoint = endpoint;
        Name = name;
        ContextSize = contextSize;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int ContextSize { get; }

    /// <inheritdoc/>
    public int MaxNewTokens => Endpoint.Options.MaxNewTokens;

    /// <inheritdoc/>
    public InfillStatistics Statistics { get; } = new();

    /// <inheritdoc/>
    public int Concurrency => Math.Max(1, Endpoint.Options.MaxParallel);

    private protected EndpointClient Endpoint { get; }

    /// <summary>The name a chat request gives as its model: the served model's, or what <c>--endpoint-model</c> chose.</summary>
    private string ChatModel => Endpoint.Options.Model ?? Name;

    /// <summary>Connects to the endpoint and reads what it serves.</summary>
    /// <param name="options">Where and how.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="handler">The HTTP handler; null for the default.</param>
    /// <returns>The model, speaking the endpoint's protocol.</returns>
    /// <exception cref="InputException">The endpoint cannot be reached or does not serve an infill model.</exception>
    public static async Task<HttpInfillModel> ConnectAsync(EndpointOptions options, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new EndpointClient(options, handler);
        try
        {
            return options.Kind == EndpointKind.LlamaCpp
                ? await LlamaCppInfillModel.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false)
                : await OpenAiInfillModel.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            endpoint.Dispose();
            throw new InputException(endpoint.Unauthorized, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
            && !cancellationToken.IsCancellationRequested)
        {
            endpoint.Dispose();
            var protocol = options.Kind == EndpointKind.LlamaCpp ? "llama.cpp /infill" : "OpenAI-compatible";
            throw new InputException($"Cannot reach the {protocol} endpoint {options.BaseAddress}: {exception.Message}", exception);
        }
        catch
        {
            endpoint.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public int CountTokens(string text) => (Encoding.UTF8.GetByteCount(text) + BytesPerToken - 1) / BytesPerToken;

    /// <inheritdoc/>
    public async Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var options = Endpoint.Options;
        var answers = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, request.Candidates))
            .Select(index => (request.Seed ?? options.Seed) + index)
            .Select(seed => request.Instruction is null
                ? RequestOneAsync(request, seed, cancellationToken)
                : ChatCompletions.RequestAsync(Endpoint, ChatModel, request, seed, cancellationToken))).ConfigureAwait(false);
        var evaluated = answers.Sum(answer => answer.PromptTokens);
        Statistics.AddRequest();
        Statistics.AddPrompt(evaluated, 0, TimeSpan.Zero);
        Statistics.AddGeneration(answers.Sum(answer => answer.Completion.TokenCount), stopwatch.Elapsed);
        return new InfillResult(
            answers.Select(answer => answer.Completion).ToList(), answers.Max(answer => answer.PromptTokens), evaluated, TimeSpan.Zero, stopwatch.Elapsed);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Endpoint.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Asks the endpoint for one completion.</summary>
    /// <param name="request">The question.</param>
    /// <param name="seed">This candidate's seed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The completion and the prompt tokens the server counted.</returns>
    private protected abstract Task<(InfillCompletion Completion, int PromptTokens)> RequestOneAsync(
        InfillRequest request, int seed, CancellationToken cancellationToken);
}
