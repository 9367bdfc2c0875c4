namespace CodeLlama.Refactor.Inference.Http;

/// <summary>
/// An instruction prompt over HTTP: <c>POST /v1/chat/completions</c>, which llama.cpp's server, vLLM and <c>serve</c>
/// all answer by rendering the turns through the served model's chat template. Both protocols share it, since a chat
/// template lives on the server either way.
/// </summary>
internal static class ChatCompletions
{
    public const string Path = "v1/chat/completions";

    /// <summary>Asks for one answer to <see cref="InfillRequest.Instruction"/>.</summary>
    public static async Task<(InfillCompletion Completion, int PromptTokens)> RequestAsync(
        EndpointClient endpoint, string model, InfillRequest request, int seed, CancellationToken cancellationToken)
    {
        var options = endpoint.Options;
        List<ChatMessage> messages = [];
        if (request.SystemPrompt is { } system)
        {
            messages.Add(new ChatMessage { Role = "system", Content = system });
        }

        messages.Add(new ChatMessage { Role = "user", Content = request.Instruction ?? string.Empty });
        var body = new ChatCompletionRequest
        {
            Model = model,
            Messages = messages,
            MaxTokens = request.MaxNewTokens ?? options.MaxNewTokens,
            Temperature = request.Temperature ?? options.Temperature,
            Seed = seed,
            Stop = request.Stop.Count == 0 ? null : request.Stop,
            TopP = request.TopP,
        };
        var response = await endpoint.PostAsync<ChatCompletionRequest, ChatCompletionResponse>(Path, body, cancellationToken).ConfigureAwait(false);
        var choice = response.Choices.FirstOrDefault() ?? throw new InferenceException("The endpoint answered the chat request with no choice.");
        return (new InfillCompletion(choice.Message.Content, 0, choice.FinishReason == "stop", response.Usage?.CompletionTokens ?? 0),
            response.Usage?.PromptTokens ?? 0);
    }
}
