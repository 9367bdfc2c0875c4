namespace CodeLlama.Refactor.Inference;

/// <summary>
/// A fill-in-the-middle model: given the text before and after a gap, it proposes what goes in the gap. Everything it
/// proposes is a candidate like any other and goes through the same verification.
/// </summary>
public interface IInfillModel
{
    /// <summary>What to call the model in reports, e.g. the file name.</summary>
    string Name { get; }

    /// <summary>How many tokens one prompt plus its completion may hold.</summary>
    int ContextSize { get; }

    /// <summary>How many tokens a completion may add, at most.</summary>
    int MaxNewTokens { get; }

    /// <summary>The work done so far (what a remote model does not report stays 0).</summary>
    InfillStatistics Statistics { get; }

    /// <summary>Counts the tokens <paramref name="text"/> takes in a prompt.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>Its token count.</returns>
    int CountTokens(string text);

    /// <summary>Fills the gap between <see cref="InfillRequest.Prefix"/> and <see cref="InfillRequest.Suffix"/>.</summary>
    /// <param name="request">The text around the gap and how many completions to return.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The completions, most likely first, and what the prompt cost.</returns>
    /// <exception cref="InferenceException">The model could not answer (<see cref="PromptTooLongException"/> when the prompt does not fit).</exception>
    Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken);
}

/// <summary>One fill-in-the-middle question.</summary>
/// <param name="Prefix">The text before the gap.</param>
/// <param name="Suffix">The text after the gap.</param>
/// <param name="Candidates">How many completions to sample from one prompt evaluation.</param>
/// <param name="MaxNewTokens">Overrides the model's limit on new tokens.</param>
/// <param name="Temperature">Overrides the model's sampling temperature (0 is greedy).</param>
/// <param name="Seed">Overrides the model's sampling seed.</param>
public sealed record InfillRequest(
    string Prefix,
    string Suffix,
    int Candidates = 1,
    int? MaxNewTokens = null,
    float? Temperature = null,
    int? Seed = null);

/// <summary>One completion.</summary>
/// <param name="Text">What the model wrote in the gap.</param>
/// <param name="LogProbability">The sum of the log-probabilities of its tokens; higher is more likely.</param>
/// <param name="Finished">True when the model ended the infill itself rather than running out of tokens.</param>
/// <param name="TokenCount">How many tokens it took.</param>
public sealed record InfillCompletion(string Text, double LogProbability, bool Finished, int TokenCount);

/// <summary>The answer to one <see cref="InfillRequest"/>.</summary>
/// <param name="Completions">The completions, most likely first.</param>
/// <param name="PromptTokens">Tokens in the prompt.</param>
/// <param name="PromptTokensEvaluated">Of those, the tokens the model evaluated (the rest came from its cache).</param>
/// <param name="PromptTime">Time spent on the prompt.</param>
/// <param name="GenerationTime">Time spent generating.</param>
public sealed record InfillResult(
    IReadOnlyList<InfillCompletion> Completions, int PromptTokens, int PromptTokensEvaluated, TimeSpan PromptTime, TimeSpan GenerationTime);
