using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// OpenAI-compatible <c>POST /v1/chat/completions</c>: a conversation of system, user and assistant turns (llama.vim's
/// instruction continuation sends its earlier answer back as an assistant turn), rendered through the GGUF's own chat
/// template, or through ChatML when the GGUF has none (as llama.cpp's server falls back to), and answered as
/// <c>chat.completion</c> with <c>n</c> choices, or, with <c>"stream": true</c>, as one <c>chat.completion.chunk</c>
/// per token.
/// </summary>
internal static class ChatEndpoint
{
    private static readonly string[] Roles = ["system", "user", "assistant"];

    public static async Task<IResult> HandleAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, json, error) = await RequestJson.ReadAsync<ChatCompletionRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        var perPrompt = json!.Completions;
        if ((Validate(body!) ?? InfillEndpoint.Validate(perPrompt, 0)) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        var turns = body!.Messages.Select(message => new ChatTurn(message.Role, message.Content)).ToList();
        var request = new InfillRequest(string.Empty, string.Empty, perPrompt, TokenLimit.From(body.NPredict, body.MaxCompletionTokens, body.MaxTokens), body.Temperature, body.Seed)
        {
            Conversation = turns,
            // For a model that only takes one instruction (a remote one), the last user turn and the system turn.
            Instruction = turns.Last(turn => turn.Role == "user").Content,
            SystemPrompt = turns.FirstOrDefault(turn => turn.Role == "system")?.Content,
            Stop = body.Stop ?? [],
            TopP = body.TopP,
        };
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body.Stream is true)
        {
            return new TokenStream(model, [request], perPrompt, new ChatChunks(id, created, model.Name));
        }

        try
        {
            var result = await model.InfillAsync(request, context.RequestAborted);
            return Results.Json(new ChatCompletionResponse
            {
                Id = id, Created = created, Model = model.Name, Usage = ModelAnswer.Usage([result]),
                Choices = [.. ModelAnswer.All(result).Select(completion => new ChatChoice
                {
                    Index = completion.Index,
                    Message = new ChatMessage { Role = "assistant", Content = completion.Text },
                    FinishReason = ModelAnswer.FinishReason(completion),
                })],
            });
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

    private static string? Validate(ChatCompletionRequest body)
    {
        var messages = body.Messages ?? [];
        if (messages.Count == 0 || messages.Any(message => message is null || !Roles.Contains(message.Role)) || !messages.Any(message => message.Role == "user"))
        {
            var roles = string.Join(',', messages.Select(message => message?.Role));
            return $"messages must be system, user and assistant turns, with at least one user turn; this request has [{roles}].";
        }

        return !TokenLimit.AreValid(body.NPredict, body.MaxCompletionTokens, body.MaxTokens) || body.Temperature is < 0 || body.TopP is < 0 or > 1
            ? "max_tokens and n_predict must be -1 (up to the context) or more; temperature must not be negative; top_p must be between 0 and 1."
            : null;
    }

    /// <summary>
    /// OpenAI's chat chunks: one per token whose delta holds its text (the first of each choice also the assistant's
    /// role), then one with the rest of the text, the finish reason and usage.
    /// </summary>
    private sealed class ChatChunks(string id, long created, string model) : IStreamShape
    {
        private readonly HashSet<int> started = [];

        public bool EndsWithDone => true;

        public object Token(int index, InfillProgress step) => Chunk(index, Delta(index, step.Text), finishReason: null);

        public IEnumerable<object> End(int index, InfillResult result, InfillCompletion completion, string remainder)
        {
            var last = Chunk(index, remainder.Length > 0 || !started.Contains(index) ? Delta(index, remainder) : [], ModelAnswer.FinishReason(completion));
            last["usage"] = System.Text.Json.JsonSerializer.SerializeToNode(ModelAnswer.Usage(result, completion));
            return [last];
        }

        private JsonObject Delta(int index, string text)
        {
            var delta = new JsonObject();
            if (started.Add(index))
            {
                delta["role"] = "assistant";
            }

            delta["content"] = text;
            return delta;
        }

        private JsonObject Chunk(int index, JsonObject delta, string? finishReason) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = index, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
    }
}
