using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// OpenAI-compatible <c>POST /v1/chat/completions</c> for a served model with a chat template (Code Llama Instruct):
/// one user turn, after an optional system turn, rendered through the GGUF's own template and answered as
/// <c>chat.completion</c> (or, with <c>"stream": true</c>, as one <c>chat.completion.chunk</c> event). Longer
/// conversations and assistant turns are refused with 400 rather than answered as something they are not.
/// </summary>
internal static class ChatEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, error) = await JsonBody.ReadAsync<ChatCompletionRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        if (Validate(body!) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        var messages = body!.Messages;
        var request = new InfillRequest(string.Empty, string.Empty, MaxNewTokens: TokenLimit.From(body.NPredict, body.MaxCompletionTokens, body.MaxTokens), Temperature: body.Temperature, Seed: body.Seed)
        {
            Instruction = messages[^1].Content,
            SystemPrompt = messages.Count == 2 ? messages[0].Content : null,
            Stop = body.Stop ?? [],
            TopP = body.TopP,
        };
        try
        {
            var result = await model.InfillAsync(request, context.RequestAborted);
            var answer = ModelAnswer.First(result);
            var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
            var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var message = new ChatMessage { Role = "assistant", Content = answer.Text };
            var finish = ModelAnswer.FinishReason(answer);
            var usage = ModelAnswer.Usage(result, answer);
            return body.Stream is true
                ? new EventStream([new ChatCompletionChunk
                {
                    Id = id, Created = created, Model = model.Name, Usage = usage,
                    Choices = [new ChatChunkChoice { Delta = message, FinishReason = finish }],
                }])
                : Results.Json(new ChatCompletionResponse
                {
                    Id = id, Created = created, Model = model.Name, Usage = usage,
                    Choices = [new ChatChoice { Message = message, FinishReason = finish }],
                });
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

    private static string? Validate(ChatCompletionRequest body)
    {
        var roles = string.Join(',', (body.Messages ?? []).Select(message => message?.Role));
        if (roles is not ("user" or "system,user"))
        {
            return $"messages must be one user turn, optionally after one system turn; this request has [{roles}].";
        }

        return !TokenLimit.AreValid(body.NPredict, body.MaxCompletionTokens, body.MaxTokens) || body.Temperature is < 0 || body.TopP is < 0 or > 1
            ? "max_tokens and n_predict must be -1 (up to the context) or more; temperature must not be negative; top_p must be between 0 and 1."
            : null;
    }
}
