using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// OpenAI-compatible <c>POST /v1/completions</c> and <c>GET /v1/models</c>, for editor clients that speak OpenAI: the
/// prompt is a FIM prompt as text in a family's markers (Code Llama's <c>&lt;PRE&gt; … &lt;SUF&gt;… &lt;MID&gt;</c>, or
/// StarCoder's, CodeGemma's, Qwen's, DeepSeek's), which is read back into its parts (<see cref="FimPromptText"/>) and
/// built again from the served model's own tokens; a plain prompt with OpenAI's <c>suffix</c> beside it; or text or
/// token ids to continue as they are (<see cref="PromptInput"/>). <c>n</c> (or <c>n_cmpl</c>) completions come from
/// one evaluation of each prompt. With <c>"stream": true</c> each token goes as a <c>text_completion</c> chunk. <c>logprobs</c>
/// (or llama.cpp's <c>n_probs</c>) asks for each token's log-probability and that many alternatives, as llama.cpp answers them.
/// </summary>
internal static class OpenAiEndpoints
{
    public static OpenAiModelList Models(IInfillModel model) => new() { Data = [new OpenAiModel { Id = model.Name }] };

    public static async Task<IResult> CompletionsAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, json, error) = await RequestJson.ReadAsync<OpenAiCompletionRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        var perPrompt = json!.Completions;
        if (!TokenLimit.AreValid(body!.NPredict, body.MaxTokens) || body.Temperature < 0 || body.TopP is < 0 or > 1)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, "max_tokens and n_predict must be -1 (up to the context) or more; temperature must not be negative; top_p must be between 0 and 1.");
        }

        // OpenAI's logprobs (the number of alternatives) counts only where llama.cpp's own n_probs is not given.
        var probabilities = json.Int("n_probs", 0) is > 0 and var asked ? asked : json.Int("logprobs", 0);
        if (InfillEndpoint.Validate(perPrompt, probabilities) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        IReadOnlyList<InfillRequest> prompts;
        if (body.Suffix is { } given)
        {
            prompts = [new InfillRequest(body.Prompt, given)];
        }
        else
        {
            (var read, var unreadable) = PromptInput.Read(json.Raw["prompt"] ?? string.Empty, model as IServedModel);
            if (unreadable is not null)
            {
                return Errors.Json(StatusCodes.Status400BadRequest, unreadable);
            }

            prompts = read!;
        }

        var requests = prompts.Select(asked => asked with
        {
            MaxNewTokens = TokenLimit.From(body.NPredict, body.MaxTokens),
            Temperature = body.Temperature,
            Seed = body.Seed,
            Stop = body.Stop,
            TopP = body.TopP,
            Candidates = perPrompt,
            Probabilities = probabilities,
        }).ToList();
        var id = "cmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body.Stream is true)
        {
            return new TokenStream(model, requests, perPrompt, new CompletionChunks(id, created, model.Name, probabilities));
        }

        try
        {
            var results = await Task.WhenAll(requests.Select(request => model.InfillAsync(request, context.RequestAborted)));
            var choices = results.SelectMany((result, prompt) => ModelAnswer.All(result).Select(completion => new OpenAiChoice
            {
                Index = prompt * perPrompt + completion.Index,
                Text = completion.Text,
                Logprobs = LlamaCppAnswers.Logprobs(completion.Tokens, probabilities),
                FinishReason = ModelAnswer.FinishReason(completion),
            })).ToList();
            return Results.Json(new OpenAiCompletionResponse
            {
                Id = id, Created = created, Model = model.Name, Choices = choices, Usage = ModelAnswer.Usage(results),
            });
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

    /// <summary>OpenAI's completion chunks: one per token with its text, then one with the finish reason and usage per choice.</summary>
    private sealed class CompletionChunks(string id, long created, string model, int probabilities) : IStreamShape
    {
        public bool EndsWithDone => true;

        public object Token(int index, InfillProgress step) => Chunk(index, step.Text, LlamaCppAnswers.Logprobs([step.Token], probabilities), finishReason: null);

        public IEnumerable<object> End(int index, InfillResult result, InfillCompletion completion, string remainder)
        {
            var last = Chunk(index, remainder, logprobs: null, ModelAnswer.FinishReason(completion));
            last["usage"] = System.Text.Json.JsonSerializer.SerializeToNode(ModelAnswer.Usage(result, completion));
            return [last];
        }

        private JsonObject Chunk(int index, string text, JsonObject? logprobs, string? finishReason) => new()
        {
            ["id"] = id,
            ["object"] = "text_completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["text"] = text, ["index"] = index, ["logprobs"] = logprobs, ["finish_reason"] = finishReason }),
        };
    }
}
