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
/// per token. <c>logprobs: true</c> (with <c>top_logprobs</c>) adds each token's log-probability and alternatives in
/// llama.cpp's shape.
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
        var (probabilities, unasked) = Probabilities(json);
        if ((Validate(body!) ?? unasked ?? InfillEndpoint.Validate(perPrompt, probabilities)) is { } invalid)
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
            Probabilities = probabilities,
        };
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body.Stream is true)
        {
            return new TokenStream(model, [request], perPrompt, new ChatChunks(id, created, model.Name, probabilities));
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
                    Logprobs = LlamaCppAnswers.Logprobs(completion.Tokens, probabilities),
                    FinishReason = ModelAnswer.FinishReason(completion),
                })],
            });
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

    /// <summary>
    /// llama.cpp's <c>POST /apply-template</c>: the conversation rendered through the GGUF's chat template (ChatML without
    /// one), with the assistant's turn opened, as <c>{"prompt": ...}</c>; nothing is generated.
    /// </summary>
    public static async Task<IResult> ApplyTemplateAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        if (model is not IServedModel served)
        {
            return Errors.NotSupported("This model renders no chat template here.");
        }

        var (body, _, error) = await RequestJson.ReadAsync<ChatCompletionRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        if (ValidateMessages(body!.Messages) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        return Results.Json(new JsonObject { ["prompt"] = served.ApplyTemplate([.. body.Messages.Select(message => new ChatTurn(message.Role, message.Content))]) });
    }

    // OpenAI's logprobs (a flag) with top_logprobs (default 20, as llama.cpp) asks for probabilities; top_logprobs alone
    // is an error, as in llama.cpp; llama.cpp's own n_probs works here too.
    private static (int Probabilities, string? Error) Probabilities(RequestJson json)
    {
        if (json.Bool("logprobs", false))
        {
            return (json.Int("top_logprobs", 20), null);
        }

        return json.Raw["top_logprobs"] is null ? (json.Int("n_probs", 0), null) : (0, "top_logprobs requires logprobs to be set to true.");
    }

    private static string? ValidateMessages(IReadOnlyList<ChatMessage>? given)
    {
        var messages = given ?? [];
        if (messages.Count == 0 || messages.Any(message => message is null || !Roles.Contains(message.Role)) || !messages.Any(message => message.Role == "user"))
        {
            var roles = string.Join(',', messages.Select(message => message?.Role));
            return $"messages must be system, user and assistant turns, with at least one user turn; this request has [{roles}].";
        }

        return null;
    }

    private static string? Validate(ChatCompletionRequest body)
    {
        if (ValidateMessages(body.Messages) is { } invalid)
        {
            return invalid;
        }

        return !TokenLimit.AreValid(body.NPredict, body.MaxCompletionTokens, body.MaxTokens) || body.Temperature is < 0 || body.TopP is < 0 or > 1
            ? "max_tokens and n_predict must be -1 (up to the context) or more; temperature must not be negative; top_p must be between 0 and 1."
            : null;
    }

    /// <summary>
    /// OpenAI's chat chunks: one per token whose delta holds its text (the first of each choice also the assistant's
    /// role), then one with the rest of the text, the finish reason and usage.
    /// </summary>
    private sealed class ChatChunks(string id, long created, string model, int probabilities) : IStreamShape
    {
        private readonly HashSet<int> started = [];

        public bool EndsWithDone => true;

        public object Token(int index, InfillProgress step)
        {
            var chunk = Chunk(index, Delta(index, step.Text), finishReason: null);
            if (LlamaCppAnswers.Logprobs([step.Token], probabilities) is { } logprobs)
            {
                chunk["choices"]![0]!["logprobs"] = logprobs;
            }

            return chunk;
        }

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
