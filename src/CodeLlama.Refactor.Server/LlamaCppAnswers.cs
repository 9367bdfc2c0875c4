using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// The answers of llama.cpp's own routes (<c>/completion</c>, <c>/infill</c>): the whole answer with its timings, the
/// event of one streamed token, and <c>completion_probabilities</c> in llama.cpp's shape
/// (<c>{id, token, bytes, logprob, top_logprobs}</c>).
/// </summary>
internal static class LlamaCppAnswers
{
    /// <summary>The whole answer for one completion.</summary>
    /// <param name="result">The model's answer.</param>
    /// <param name="completion">The completion to answer with.</param>
    /// <param name="model">The served model.</param>
    /// <param name="index">Its place among the answers (prompt × n_cmpl + candidate).</param>
    /// <param name="probabilities">n_probs: with more than 0, each token's probabilities go along.</param>
    /// <param name="returnTokens">return_tokens: the generated token ids go in <c>tokens</c> (else it is empty).</param>
    /// <returns>The answer as JSON.</returns>
    public static JsonObject Whole(InfillResult result, InfillCompletion completion, IInfillModel model, int index, int probabilities, bool returnTokens = false)
    {
        var answer = JsonSerializer.SerializeToNode(Response(result, completion, model))!.AsObject();
        answer["index"] = index;
        answer["tokens"] = returnTokens ? new JsonArray([.. completion.Tokens.Select(token => (JsonNode)token.Id)]) : new JsonArray();
        answer["stop_type"] = !completion.Finished ? "limit" : completion.StoppingWord is null ? "eos" : "word";
        if (probabilities > 0)
        {
            answer["completion_probabilities"] = new JsonArray([.. completion.Tokens.Select(Probability)]);
        }

        return answer;
    }

    /// <summary>The event of one streamed token: its text, its id, and (with n_probs) its probabilities.</summary>
    /// <param name="index">Which answer it belongs to.</param>
    /// <param name="step">The token.</param>
    /// <param name="probabilities">n_probs.</param>
    /// <returns>The event as JSON.</returns>
    public static JsonObject Token(int index, InfillProgress step, int probabilities)
    {
        var answer = new JsonObject
        {
            ["index"] = index,
            ["content"] = step.Text,
            ["tokens"] = new JsonArray(step.Token.Id),
            ["stop"] = false,
        };
        if (probabilities > 0)
        {
            answer["completion_probabilities"] = new JsonArray(Probability(step.Token));
        }

        return answer;
    }

    /// <summary>One token's entry of <c>completion_probabilities</c>.</summary>
    /// <param name="token">The token.</param>
    /// <returns>Its id, text, bytes, log-probability and the most likely tokens at its place.</returns>
    public static JsonObject Probability(GeneratedToken token)
    {
        var entry = Entry(token);
        entry["top_logprobs"] = new JsonArray([.. token.Alternatives.Select(Entry)]);
        return entry;
    }

    /// <summary>
    /// OpenAI's <c>logprobs</c> of a choice or a streamed chunk as llama.cpp's server writes it: <c>{"content": [...]}</c>
    /// holding the tokens' <c>completion_probabilities</c> entries; null when none were asked for.
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="probabilities">n_probs.</param>
    /// <returns>The object, or null.</returns>
    public static JsonObject? Logprobs(IEnumerable<GeneratedToken> tokens, int probabilities) =>
        probabilities > 0 ? new JsonObject { ["content"] = new JsonArray([.. tokens.Select(Probability)]) } : null;

    private static JsonObject Entry(GeneratedToken token) => new()
    {
        ["id"] = token.Id,
        ["token"] = Encoding.UTF8.GetString(token.Bytes),
        ["bytes"] = new JsonArray([.. token.Bytes.Select(value => (JsonNode)(int)value)]),
        ["logprob"] = token.LogProbability,
    };

    private static LlamaCppInfillResponse Response(InfillResult result, InfillCompletion completion, IInfillModel model)
    {
        var promptMs = result.PromptTime.TotalMilliseconds;
        var predictedMs = result.GenerationTime.TotalMilliseconds;
        return new LlamaCppInfillResponse
        {
            Content = completion.Text,
            TokensPredicted = completion.TokenCount,
            TokensEvaluated = result.PromptTokens,
            TokensCached = result.PromptTokens - result.PromptTokensEvaluated,
            StoppedEos = completion.Finished && completion.StoppingWord is null,
            StoppedWord = completion.StoppingWord is not null,
            StoppingWord = completion.StoppingWord ?? string.Empty,
            StoppedLimit = !completion.Finished,
            IdSlot = result.Slot,
            Model = model.Name,
            Timings = new LlamaCppTimings
            {
                PromptN = result.PromptTokensEvaluated,
                PromptMs = promptMs,
                PromptPerTokenMs = result.PromptTokensEvaluated > 0 ? promptMs / result.PromptTokensEvaluated : 0,
                PromptPerSecond = promptMs > 0 ? 1000 * result.PromptTokensEvaluated / promptMs : 0,
                PredictedN = completion.TokenCount,
                PredictedMs = predictedMs,
                PredictedPerTokenMs = completion.TokenCount > 0 ? predictedMs / completion.TokenCount : 0,
                PredictedPerSecond = predictedMs > 0 ? 1000 * completion.TokenCount / predictedMs : 0,
            },
        };
    }
}
