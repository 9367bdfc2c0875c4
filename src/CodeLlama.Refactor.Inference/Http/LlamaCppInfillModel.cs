namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// A model behind llama.cpp's <c>POST /infill</c> (llama.cpp's server, or <c>codellama-refactor serve</c>): the server
/// builds the FIM prompt in its model's own format, so any FIM GGUF it serves works.
/// </summary>
public sealed class LlamaCppInfillModel : HttpInfillModel
{
    private LlamaCppInfillModel(EndpointClient endpoint, string name, int contextSize)
        : base(endpoint, name, contextSize)
    {
    }

    internal static async Task<HttpInfillModel> ConnectAsync(EndpointClient endpoint, CancellationToken cancellationToken)
    {
        var options = endpoint.Options;
        var props = await endpoint.GetAsync<LlamaCppProps>("props", cancellationToken).ConfigureAwait(false);
        var context = props?.DefaultGenerationSettings?.NCtx is > 0 and var size ? size : options.ContextSize;
        return new LlamaCppInfillModel(endpoint, options.BaseAddress.Authority, context);
    }

    private protected override async Task<(InfillCompletion Completion, int PromptTokens)> RequestOneAsync(
        InfillRequest request, int seed, CancellationToken cancellationToken)
    {
        var options = Endpoint.Options;
        var body = new LlamaCppInfillRequest
        {
            InputPrefix = request.Prefix,
            InputSuffix = request.Suffix,
            NPredict = request.MaxNewTokens ?? options.MaxNewTokens,
            Temperature = request.Temperature ?? options.Temperature,
            Seed = seed,
            CachePrompt = request.CachePrompt,
            // The server builds the prompt in its model's own format, repository context included.
            Prompt = request.Typed.Length == 0 ? null : request.Typed,
            InputExtra = request.Extra.Count == 0 ? null : [.. request.Extra.Select(chunk => new LlamaCppExtraChunk { FileName = chunk.FileName, Text = chunk.Text })],
            Stop = request.Stop.Count == 0 ? null : request.Stop,
            NIndent = request.MinIndent,
            TMaxPredictMs = request.TimeLimit?.TotalMilliseconds,
            TopK = request.TopK,
            TopP = request.TopP,
            IdSlot = request.Slot,
        };
        var answer = await Endpoint.PostAsync<LlamaCppInfillRequest, LlamaCppInfillResponse>("infill", body, cancellationToken).ConfigureAwait(false);
        var completion = new InfillCompletion(answer.Content, 0, answer.StoppedEos || answer.StoppedWord, answer.TokensPredicted)
        {
            StoppingWord = string.IsNullOrEmpty(answer.StoppingWord) ? null : answer.StoppingWord,
        };
        return (completion, answer.TokensEvaluated);
    }
}
