using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// OpenAI-compatible <c>POST /v1/completions</c> and <c>GET /v1/models</c>, for editor clients that speak OpenAI: the
/// prompt is a FIM prompt as text in a family's markers (Code Llama's <c>&lt;PRE&gt; … &lt;SUF&gt;… &lt;MID&gt;</c>, or
/// StarCoder's, CodeGemma's, Qwen's, DeepSeek's), which is read back into its parts (<see cref="FimPromptText"/>) and
/// built again from the served model's own tokens; or a plain prompt with OpenAI's <c>suffix</c> beside it. With
/// <c>"stream": true</c> the answer goes as one server-sent event (<see cref="EventStream"/>).
/// </summary>
internal static class OpenAiEndpoints
{
    public static OpenAiModelList Models(IInfillModel model) => new() { Data = [new OpenAiModel { Id = model.Name }] };

    public static async Task<IResult> CompletionsAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, error) = await JsonBody.ReadAsync<OpenAiCompletionRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        if (!TokenLimit.AreValid(body!.NPredict, body.MaxTokens) || body.Temperature < 0 || body.TopP is < 0 or > 1)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, "max_tokens and n_predict must be -1 (up to the context) or more; temperature must not be negative; top_p must be between 0 and 1.");
        }

        var asked = body.Suffix is { } given ? new InfillRequest(body.Prompt, given) : FimPromptText.Read(body.Prompt);
        var request = asked with
        {
            MaxNewTokens = TokenLimit.From(body.NPredict, body.MaxTokens),
            Temperature = body.Temperature,
            Seed = body.Seed,
            Stop = body.Stop,
            TopP = body.TopP,
        };
        try
        {
            var result = await model.InfillAsync(request, context.RequestAborted);
            var completion = ModelAnswer.First(result);
            var answer = new OpenAiCompletionResponse
            {
                Id = "cmpl-" + Guid.NewGuid().ToString("N"),
                Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                Model = model.Name,
                Choices = [new OpenAiChoice { Text = completion.Text, FinishReason = ModelAnswer.FinishReason(completion) }],
                Usage = ModelAnswer.Usage(result, completion),
            };
            // A streamed completion's chunks have the same shape as the whole answer.
            return body.Stream is true ? new EventStream([answer]) : Results.Json(answer);
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }
}
