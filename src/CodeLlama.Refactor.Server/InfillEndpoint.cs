using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// <c>POST /infill</c> as llama.cpp's server answers it, including what its editor clients (llama.vim, llama.vscode)
/// send: <c>prompt</c>, <c>input_extra</c>, <c>stop</c>, <c>n_indent</c>, <c>t_max_predict_ms</c>,
/// <c>response_fields</c>, <c>cache_prompt</c>, <c>id_slot</c>, <c>top_k</c>/<c>top_p</c>/<c>samplers</c>, <c>n_probs</c>,
/// <c>n_cmpl</c> (several completions of one prompt, decoded side by side from its one evaluation), and <c>n_predict</c>
/// 0 (evaluate the prompt only, to warm the cache) or -1 (up to the context). Also llama.cpp's <c>POST /completion</c>,
/// whose <c>prompt</c> is text, token ids, both mixed, or several prompts (<see cref="PromptInput"/>): text in a FIM
/// family's markers (Continue's llama.cpp provider writes them) is read back into its parts, other text is completed
/// as it is. With <c>"stream": true</c> each token goes as it is generated (<see cref="TokenStream"/>).
/// </summary>
internal static class InfillEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, json, error) = await RequestJson.ReadAsync<LlamaCppInfillRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        return body!.InputPrefix is null && body.InputSuffix is null
            ? Errors.Json(StatusCodes.Status400BadRequest, "The body must hold input_prefix and/or input_suffix.")
            : await AnswerAsync(context, body, json!, [ToRequest(body)], model);
    }

    public static async Task<IResult> CompletionAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, json, error) = await RequestJson.ReadAsync<LlamaCppInfillRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        if (json!.Raw["prompt"] is null)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, "The body must hold prompt: text (a FIM prompt in a family's markers, or text to continue), token ids, or a list of those.");
        }

        var (prompts, invalid) = PromptInput.Read(json.Raw["prompt"], model as IServedModel);
        if (invalid is not null)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        var shared = ToRequest(body!) with { Typed = string.Empty };
        var requests = prompts!.Select(prompt => shared with
        {
            Prefix = prompt.Prefix, Suffix = prompt.Suffix, Typed = prompt.Typed, Extra = prompt.Extra, PromptTokens = prompt.PromptTokens,
        }).ToList();
        return await AnswerAsync(context, body!, json, requests, model);
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext context, LlamaCppInfillRequest body, RequestJson json, IReadOnlyList<InfillRequest> asked, IInfillModel model)
    {
        var perPrompt = json.Completions;
        var probabilities = json.Int("n_probs", 0);
        if ((Validate(body) ?? Validate(perPrompt, probabilities)) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        var requests = asked.Select(request => request with { Candidates = perPrompt, Probabilities = probabilities }).ToList();
        if (body.Stream is true)
        {
            return new TokenStream(model, requests, perPrompt, new NativeStream(model, probabilities));
        }

        try
        {
            var results = await Task.WhenAll(requests.Select(request => model.InfillAsync(request, context.RequestAborted)));
            var answers = results
                .SelectMany((result, prompt) => ModelAnswer.All(result).Select(completion =>
                {
                    var whole = LlamaCppAnswers.Whole(result, completion, model, prompt * perPrompt + completion.Index, probabilities, json.Bool("return_tokens", false));
                    return body.ResponseFields is { Count: > 0 } fields ? ResponseFields.Select(whole, fields) : whole;
                }))
                .ToList();
            // One prompt and one completion answer as an object, more as a list, as llama.cpp does.
            return answers.Count == 1 ? Results.Json(answers[0]) : Results.Json(answers);
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

    /// <summary>Checks n_cmpl and n_probs, which every completion route reads.</summary>
    /// <param name="completions">n_cmpl (or n).</param>
    /// <param name="probabilities">n_probs.</param>
    /// <returns>Why they cannot be answered, or null.</returns>
    internal static string? Validate(int completions, int probabilities) => completions < 1 || completions > ServerOptions.MaxCompletions || probabilities is < 0 or > ServerOptions.MaxProbabilities
        ? $"n_cmpl (or n) must be 1 to {ServerOptions.MaxCompletions}, n_probs 0 to {ServerOptions.MaxProbabilities}."
        : null;

    private static string? Validate(LlamaCppInfillRequest body)
    {
        return !TokenLimit.AreValid(body.NPredict) || body.Temperature is < 0 || body.TopP is < 0 or > 1 || body.TopK is < 0
            ? "n_predict must be -1 or more; temperature, top_k and top_p must not be negative, top_p at most 1."
            : null;
    }

    private static InfillRequest ToRequest(LlamaCppInfillRequest body)
    {
        var (topK, topP) = Sampling(body);
        return new InfillRequest(
            body.InputPrefix ?? string.Empty,
            body.InputSuffix ?? string.Empty,
            MaxNewTokens: TokenLimit.From(body.NPredict),
            Temperature: body.Temperature,
            Seed: body.Seed)
        {
            Typed = body.Prompt ?? string.Empty,
            Extra = (body.InputExtra ?? []).Where(chunk => !string.IsNullOrEmpty(chunk.Text))
                .Select(chunk => new InfillChunk(chunk.FileName ?? "tmp", chunk.Text!)).ToList(),
            Stop = body.Stop ?? [],
            MinIndent = body.NIndent is > 0 ? body.NIndent : null,
            TimeLimit = body.TMaxPredictMs is > 0 and var milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null,
            TopK = topK,
            TopP = topP,
            CachePrompt = body.CachePrompt ?? true,
            Slot = body.IdSlot is >= 0 ? body.IdSlot : null,
        };
    }

    // llama.cpp applies only the samplers listed; top-k and top-p left out of the list sample among all tokens.
    private static (int? TopK, float? TopP) Sampling(LlamaCppInfillRequest body)
    {
        if (body.Samplers is not { } samplers || samplers.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (body.TopK, body.TopP);
        }

        var names = samplers.ValueKind == JsonValueKind.Array
            ? samplers.EnumerateArray().Select(element => element.GetString() ?? string.Empty).ToList()
            : (samplers.GetString() ?? string.Empty).Select(letter => letter switch { 'k' => "top_k", 'p' => "top_p", _ => letter.ToString() }).ToList();
        return (names.Contains("top_k") ? body.TopK : 0, names.Contains("top_p") ? body.TopP : 1f);
    }

    /// <summary>llama.cpp's stream: <c>{index, content, tokens, stop: false}</c> per token, then the whole answer with <c>stop: true</c>.</summary>
    private sealed class NativeStream(IInfillModel model, int probabilities) : IStreamShape
    {
        public bool EndsWithDone => false;

        public object Token(int index, InfillProgress step) => LlamaCppAnswers.Token(index, step, probabilities);

        public IEnumerable<object> End(int index, InfillResult result, InfillCompletion completion, string remainder)
        {
            var last = LlamaCppAnswers.Whole(result, completion, model, index, probabilities: 0);
            last["content"] = remainder;
            return [last];
        }
    }
}
