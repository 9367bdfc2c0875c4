namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// A model behind an OpenAI-compatible <c>POST /v1/completions</c> (vLLM, TGI, llama.cpp's server): the raw FIM prompt
/// goes as text in the served model's format (<see cref="EndpointOptions.FimFormat"/>), and the server's tokenizer
/// turns its markers into the special tokens.
/// </summary>
public sealed class OpenAiInfillModel : HttpInfillModel
{
    private readonly string modelName;

    private OpenAiInfillModel(EndpointClient endpoint, string modelName, int contextSize)
        : base(endpoint, modelName, contextSize) => this.modelName = modelName;

    internal static async Task<HttpInfillModel> ConnectAsync(EndpointClient endpoint, CancellationToken cancellationToken)
    {
        var options = endpoint.Options;
        var name = options.Model;
        if (name is null)
        {
            var models = await endpoint.GetAsync<OpenAiModelList>("v1/models", cancellationToken).ConfigureAwait(false);
            name = models?.Data.FirstOrDefault()?.Id ?? throw new InputException($"The endpoint {options.BaseAddress} lists no model.");
        }

        return new OpenAiInfillModel(endpoint, name, options.ContextSize);
    }

    private protected override async Task<(InfillCompletion Completion, int PromptTokens)> RequestOneAsync(
        InfillRequest request, int seed, CancellationToken cancellationToken)
    {
        var options = Endpoint.Options;
        var format = options.FimFormat;
        var completion = new OpenAiCompletionRequest
        {
            Model = modelName,
            Prompt = format.Render(request),
            MaxTokens = request.MaxNewTokens ?? options.MaxNewTokens,
            Temperature = request.Temperature ?? options.Temperature,
            Seed = seed,
            Stop = format.StopsFor(request),
            TopP = request.TopP,
        };
        var response = await Endpoint.PostAsync<OpenAiCompletionRequest, OpenAiCompletionResponse>("v1/completions", completion, cancellationToken)
            .ConfigureAwait(false);
        var choice = response.Choices.FirstOrDefault() ?? throw new InferenceException("The endpoint answered with no completion.");
        return (new InfillCompletion(choice.Text, 0, choice.FinishReason == "stop", response.Usage?.CompletionTokens ?? 0),
            response.Usage?.PromptTokens ?? 0);
    }
}
