using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>What every route reads from the model's answer: the completion it returns, and OpenAI's finish reason and usage.</summary>
internal static class ModelAnswer
{
    /// <summary>The completion a route answers with; an empty one when none was generated (<c>n_predict</c> 0).</summary>
    /// <param name="result">The model's answer.</param>
    /// <returns>Its first completion.</returns>
    public static InfillCompletion First(InfillResult result) =>
        result.Completions.FirstOrDefault() ?? new InfillCompletion(string.Empty, 0, false, 0);

    /// <summary>Every completion of <paramref name="result"/> in the order the request's candidates started; one empty completion when none was generated.</summary>
    /// <param name="result">The model's answer.</param>
    /// <returns>The completions.</returns>
    public static IReadOnlyList<InfillCompletion> All(InfillResult result) =>
        result.Completions.Count > 0 ? [.. result.Completions.OrderBy(completion => completion.Index)] : [First(result)];

    /// <summary>OpenAI's <c>usage</c> of several answers: each prompt once, every completion's tokens.</summary>
    /// <param name="results">The model's answers.</param>
    /// <returns>The token counts.</returns>
    public static OpenAiUsage Usage(IReadOnlyList<InfillResult> results)
    {
        var prompt = results.Sum(result => result.PromptTokens);
        var completion = results.Sum(result => result.Completions.Sum(each => each.TokenCount));
        return new OpenAiUsage { PromptTokens = prompt, CompletionTokens = completion, TotalTokens = prompt + completion };
    }

    /// <summary>OpenAI's <c>finish_reason</c>: <c>stop</c> when the model ended the text, <c>length</c> when a limit did.</summary>
    /// <param name="completion">The completion.</param>
    /// <returns>The reason.</returns>
    public static string FinishReason(InfillCompletion completion) => completion.Finished ? "stop" : "length";

    /// <summary>OpenAI's <c>usage</c> for <paramref name="completion"/> of <paramref name="result"/>.</summary>
    /// <param name="result">The model's answer.</param>
    /// <param name="completion">The completion answered with.</param>
    /// <returns>The token counts.</returns>
    public static OpenAiUsage Usage(InfillResult result, InfillCompletion completion) => new()
    {
        PromptTokens = result.PromptTokens,
        CompletionTokens = completion.TokenCount,
        TotalTokens = result.PromptTokens + completion.TokenCount,
    };
}
