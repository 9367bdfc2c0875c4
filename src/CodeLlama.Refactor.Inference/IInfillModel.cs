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

    /// <summary>
    /// Requests worth having in flight at once: the engine's slots, or the requests an endpoint takes in parallel. A
    /// caller with independent work (doc's files) keeps this many going.
    /// </summary>
    int Concurrency => 1;

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
/// <param name="MaxNewTokens">Overrides the model's limit on new tokens: 0 evaluates the prompt only (a cache warm-up), more than the context has room for means up to the context.</param>
/// <param name="Temperature">Overrides the model's sampling temperature (0 is greedy).</param>
/// <param name="Seed">Overrides the model's sampling seed.</param>
public sealed record InfillRequest(
    string Prefix,
    string Suffix,
    int Candidates = 1,
    int? MaxNewTokens = null,
    float? Temperature = null,
    int? Seed = null)
{
    /// <summary>
    /// What the user has typed after the gap's start; it goes after the middle marker, so the completion continues it.
    /// </summary>
    public string Typed { get; init; } = string.Empty;

    /// <summary>Repository context (other files, declarations), shown before the prefix in the model's own way.</summary>
    public IReadOnlyList<InfillChunk> Extra { get; init; } = [];

    /// <summary>Texts that end a completion; the completion stops before the first of them.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Ends a completion at the first line, after its first, indented less than this many spaces; null for no limit.</summary>
    public int? MinIndent { get; init; }

    /// <summary>Ends a completion once this much time went into generating it and it has a line break; null for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Samples among the K most likely tokens; null for the model's default, 0 for all.</summary>
    public int? TopK { get; init; }

    /// <summary>Samples among the most likely tokens whose probabilities add up to this; null or 1 for all.</summary>
    public float? TopP { get; init; }

    /// <summary>Keeps the prompt in the cache for the next request that starts like it.</summary>
    public bool CachePrompt { get; init; } = true;

    /// <summary>The engine slot to run in (and whose prompt cache to reuse); null lets the engine choose.</summary>
    public int? Slot { get; init; }

    /// <summary>
    /// When set, an instruction for a model with a chat template (Code Llama Instruct): it is rendered as one user turn
    /// through the model's template (the GGUF's own, or the server's over <c>/v1/chat/completions</c>) and answered
    /// instead of the gap; prefix, suffix and context are not used.
    /// </summary>
    public string? Instruction { get; init; }

    /// <summary>A system turn before <see cref="Instruction"/>, for templates that take one; null for none.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>
    /// When set, a whole conversation to answer as the assistant's next turn, rendered through the model's chat template
    /// or, for a model without one, through ChatML (as llama.cpp's server does); prefix, suffix and context are not used.
    /// </summary>
    public IReadOnlyList<ChatTurn>? Conversation { get; init; }

    /// <summary>
    /// When set, the prompt as token ids, evaluated exactly as given (a plain completion, llama.cpp's <c>/completion</c>
    /// without FIM markers); prefix, suffix and context are not used.
    /// </summary>
    public IReadOnlyList<int>? PromptTokens { get; init; }

    /// <summary>How many of the most likely alternatives to report with each generated token (llama.cpp's <c>n_probs</c>); 0 for none.</summary>
    public int Probabilities { get; init; }

    /// <summary>
    /// Called for each token as it is generated, on the engine's thread (keep it short), so that a server can stream
    /// the completion token by token; null when nobody listens.
    /// </summary>
    public Action<InfillProgress>? Progress { get; init; }
}

/// <summary>One turn of a conversation.</summary>
/// <param name="Role">system, user or assistant.</param>
/// <param name="Content">Its text.</param>
public sealed record ChatTurn(string Role, string Content);

/// <summary>One piece of repository context.</summary>
/// <param name="FileName">The file it comes from.</param>
/// <param name="Text">Its text.</param>
public sealed record InfillChunk(string FileName, string Text);

/// <summary>One completion.</summary>
/// <param name="Text">What the model wrote in the gap.</param>
/// <param name="LogProbability">The sum of the log-probabilities of its tokens; higher is more likely.</param>
/// <param name="Finished">True when the model ended the infill itself (or reached a stop text) rather than running out of tokens or time.</param>
/// <param name="TokenCount">How many tokens it took.</param>
public sealed record InfillCompletion(string Text, double LogProbability, bool Finished, int TokenCount)
{
    /// <summary>The stop text that ended it, when one did.</summary>
    public string? StoppingWord { get; init; }

    /// <summary>Which of the request's candidates it is (the order they were started in, which streamed tokens name).</summary>
    public int Index { get; init; }

    /// <summary>The tokens it generated, with their log-probabilities (and alternatives, when asked for); empty where the model does not say.</summary>
    public IReadOnlyList<GeneratedToken> Tokens { get; init; } = [];
}

/// <summary>The answer to one <see cref="InfillRequest"/>.</summary>
/// <param name="Completions">The completions, most likely first.</param>
/// <param name="PromptTokens">Tokens in the prompt.</param>
/// <param name="PromptTokensEvaluated">Of those, the tokens the model evaluated (the rest came from its cache).</param>
/// <param name="PromptTime">Time spent on the prompt.</param>
/// <param name="GenerationTime">Time spent generating.</param>
public sealed record InfillResult(
    IReadOnlyList<InfillCompletion> Completions, int PromptTokens, int PromptTokensEvaluated, TimeSpan PromptTime, TimeSpan GenerationTime)
{
    /// <summary>The engine slot that answered, for a server's <c>id_slot</c>; -1 when the engine has none.</summary>
    public int Slot { get; init; } = -1;
}
