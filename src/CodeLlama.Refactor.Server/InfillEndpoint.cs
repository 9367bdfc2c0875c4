using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// <c>POST /infill</c> as llama.cpp's server answers it, including what its editor clients (llama.vim, llama.vscode)
/// send: <c>prompt</c>, <c>input_extra</c>, <c>stop</c>, <c>n_indent</c>, <c>t_max_predict_ms</c>,
/// <c>response_fields</c>, <c>cache_prompt</c>, <c>id_slot</c>, <c>top_k</c>/<c>top_p</c>/<c>samplers</c>, and
/// <c>n_predict</c> 0 (evaluate the prompt only, to warm the cache) or -1 (up to the context). Also llama.cpp's
/// <c>POST /completion</c>, whose <c>prompt</c> is the whole FIM prompt as text (Continue's llama.cpp provider writes it
/// in the model family's markers), read back into its parts by <see cref="FimPromptText"/>. Both answer
/// <c>"stream": true</c> as one server-sent event (<see cref="EventStream"/>).
/// </summary>
internal static class InfillEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, error) = await JsonBody.ReadAsync<LlamaCppInfillRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        return body!.InputPrefix is null && body.InputSuffix is null
            ? Errors.Json(StatusCodes.Status400BadRequest, "The body must hold input_prefix and/or input_suffix.")
            : await AnswerAsync(context, body, ToRequest(body), model);
    }

    public static async Task<IResult> CompletionAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (body, error) = await JsonBody.ReadAsync<LlamaCppInfillRequest>(context, options);
        if (error is not null)
        {
            return error;
        }

        if (body!.Prompt is not { } prompt)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, "The body must hold prompt, the FIM prompt as text.");
        }

        var read = FimPromptText.Read(prompt);
        var request = ToRequest(body) with { Prefix = read.Prefix, Suffix = read.Suffix, Typed = read.Typed, Extra = read.Extra };
        return await AnswerAsync(context, body, request, model);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, LlamaCppInfillRequest body, InfillRequest request, IInfillModel model)
    {
        if (Validate(body) is { } invalid)
        {
            return Errors.Json(StatusCodes.Status400BadRequest, invalid);
        }

        try
        {
            var result = await model.InfillAsync(request, context.RequestAborted);
            var response = JsonSerializer.SerializeToNode(ToResponse(result, model))!.AsObject();
            var answer = body.ResponseFields is { Count: > 0 } fields ? ResponseFields.Select(response, fields) : response;
            return body.Stream is true ? new EventStream([answer], endWithDone: false) : Results.Json(answer);
        }
        catch (InferenceException exception)
        {
            return Errors.From(exception);
        }
    }

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

    private static LlamaCppInfillResponse ToResponse(InfillResult result, IInfillModel model)
    {
        var completion = ModelAnswer.First(result);
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
