using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// llama.cpp's read-only routes about the server itself: <c>GET /props</c> (model, slots, chat template, build,
/// default generation settings), <c>GET /slots</c> (what each slot is doing) and <c>GET /metrics</c> (Prometheus text
/// with llama.cpp's metric names).
/// </summary>
internal static class StatusEndpoints
{
    /// <summary>What <c>build_info</c> says: this server's version (llama.cpp writes its build number and commit).</summary>
    public static readonly string BuildInfo = "codellama-refactor-" + (typeof(StatusEndpoints).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public static IResult Props(IInfillModel model)
    {
        var served = model as IServedModel;
        var settings = Slot(model, served, served?.SlotStates() is { Count: > 0 } slots ? slots[0] with { IsProcessing = false, Decoded = 0, Remaining = -1 } : null, 0);
        // Read by older clients (and this project's own) at the top of default_generation_settings.
        settings["n_predict"] = model.MaxNewTokens;
        return Results.Json(new JsonObject
        {
            ["default_generation_settings"] = settings,
            ["total_slots"] = model.Concurrency,
            ["model_path"] = model.Name,
            ["chat_template"] = served?.ChatTemplate ?? string.Empty,
            ["modalities"] = new JsonObject { ["vision"] = false, ["audio"] = false },
            ["build_info"] = BuildInfo,
            ["infill"] = true,
            ["is_sleeping"] = false,
        });
    }

    public static IResult Slots(HttpContext context, IInfillModel model, ServerOptions options)
    {
        if (!options.Slots)
        {
            return Errors.NotSupported("This server does not support slots endpoint. Start it without `--no-slots`");
        }

        if (model is not IServedModel served)
        {
            return Errors.NotSupported("This model has no slots here.");
        }

        var slots = served.SlotStates();
        if (context.Request.Query["fail_on_no_slot"] == "1" && slots.All(slot => slot.IsProcessing))
        {
            return Errors.Json(StatusCodes.Status503ServiceUnavailable, "no slot available");
        }

        return Results.Json(new JsonArray([.. slots.Select(slot => (JsonNode)Slot(model, served, slot, slot.Id))]));
    }

    public static IResult Metrics(IInfillModel model, ServerOptions options)
    {
        if (!options.Metrics)
        {
            return Errors.NotSupported("This server does not support metrics endpoint. Start it with `--metrics`");
        }

        var statistics = model.Statistics;
        var served = model as IServedModel;
        var processing = served?.SlotStates().Count(slot => slot.IsProcessing) ?? 0;
        var text = new StringBuilder();
        void Metric(string name, string type, string help, double value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP llamacpp:{name} {help}\n# TYPE llamacpp:{name} {type}\nllamacpp:{name} {value.ToString(CultureInfo.InvariantCulture)}\n");
        }

        Metric("prompt_tokens_total", "counter", "Number of prompt tokens processed.", statistics.PromptTokensEvaluated);
        Metric("prompt_seconds_total", "counter", "Prompt process time", statistics.PromptTime.TotalSeconds);
        Metric("tokens_predicted_total", "counter", "Number of generation tokens processed.", statistics.GeneratedTokens);
        Metric("tokens_predicted_seconds_total", "counter", "Predict process time", statistics.GenerationTime.TotalSeconds);
        Metric("n_decode_total", "counter", "Total number of llama_decode() calls", statistics.DecodeCalls);
        Metric("n_busy_slots_per_decode", "gauge", "Average number of busy slots per llama_decode() call",
            statistics.DecodeCalls > 0 ? (double)statistics.DecodedSequences / statistics.DecodeCalls : 0);
        Metric("prompt_tokens_seconds", "gauge", "Average prompt throughput in tokens/s.", statistics.PromptTokensPerSecond);
        Metric("predicted_tokens_seconds", "gauge", "Average generation throughput in tokens/s.", statistics.GeneratedTokensPerSecond);
        Metric("requests_processing", "gauge", "Number of requests processing.", processing);
        Metric("requests_deferred", "gauge", "Number of requests deferred.", served?.Deferred ?? 0);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    // One slot as /slots lists it (and /props' default_generation_settings): its state and the settings requests start from.
    private static JsonObject Slot(IInfillModel model, IServedModel? served, SlotState? slot, int id)
    {
        var sampling = served?.Sampling;
        return new JsonObject
        {
            ["id"] = id,
            ["id_task"] = -1,
            ["n_ctx"] = model.ContextSize,
            ["speculative"] = false,
            ["is_processing"] = slot?.IsProcessing ?? false,
            ["params"] = new JsonObject
            {
                ["n_predict"] = model.MaxNewTokens,
                ["seed"] = sampling?.Seed,
                ["temperature"] = sampling?.Temperature,
                ["top_k"] = sampling?.TopK,
                ["top_p"] = sampling?.TopP,
                ["min_p"] = 0.0,
                ["typical_p"] = 1.0,
                ["repeat_penalty"] = 1.0,
                ["presence_penalty"] = 0.0,
                ["frequency_penalty"] = 0.0,
                ["stop"] = new JsonArray(),
                ["max_tokens"] = model.MaxNewTokens,
                ["n_keep"] = 0,
                ["ignore_eos"] = false,
                ["stream"] = false,
                ["n_probs"] = 0,
                ["samplers"] = new JsonArray("top_k", "top_p", "temperature"),
            },
            ["prompt"] = string.Empty,
            ["next_token"] = new JsonObject
            {
                ["has_next_token"] = slot?.IsProcessing ?? false,
                ["has_new_line"] = false,
                ["n_remain"] = slot?.Remaining ?? -1,
                ["n_decoded"] = slot?.Decoded ?? 0,
            },
            ["n_cached"] = slot?.CachedTokens ?? 0,
        };
    }
}
