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
            CachePrompt = true,
        };
        var answer = await Endpoint.PostAsync<LlamaCppInfillRequest, LlamaCppInfillResponse>("infill", body, cancellationToken).ConfigureAwait(false);
        return (new InfillCompletion(answer.Content, 0, answer.StoppedEos || answer.StoppedWord, answer.TokensPredicted), answer.TokensEvaluated);
    }
}
