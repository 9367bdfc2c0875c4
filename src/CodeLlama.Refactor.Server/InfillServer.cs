using System.Diagnostics;
using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// An HTTP front for one loaded model, in llama.cpp server's shape so the same clients work against either:
/// <c>POST /infill</c>, <c>GET /health</c>, <c>GET /props</c>. Requests wait their turn for the model (it decodes one
/// prompt at a time), so concurrent requests are queued, never interleaved. With <see cref="ServerOptions.ApiKey"/> set,
/// every request but <c>/health</c> needs <c>Authorization: Bearer KEY</c>.
/// </summary>
public static class InfillServer
{
    /// <summary>Builds the server; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    /// <param name="model">The loaded model.</param>
    /// <param name="options">Address and limits.</param>
    /// <returns>The application.</returns>
    public static WebApplication Create(IInfillModel model, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        var app = builder.Build();
        if (options.ApiKey is { Length: > 0 } key)
        {
            app.UseApiKey(key);
        }

        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/props", () => Results.Json(new LlamaCppProps
        {
            ModelPath = model.Name,
            Infill = true,
            DefaultGenerationSettings = new LlamaCppGenerationSettings { NCtx = model.ContextSize, NPredict = model.MaxNewTokens },
        }));
        // As a Delegate, so that the returned IResult is written (a plain RequestDelegate would drop it).
        app.MapPost("/infill", (Delegate)((HttpContext context) => InfillAsync(context, model, options)));
        return app;
    }

    private static async Task<IResult> InfillAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request has {context.Request.ContentLength} bytes; the limit is {options.MaxRequestBytes}.");
        }

        LlamaCppInfillRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<LlamaCppInfillRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Error(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request is larger than the limit of {options.MaxRequestBytes} bytes.");
        }

        if (body is null || body.InputPrefix is null && body.InputSuffix is null)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must hold input_prefix and/or input_suffix.");
        }

        if (body.NPredict is < 0 || body.Temperature is < 0)
        {
            return Error(StatusCodes.Status400BadRequest, "n_predict and temperature must not be negative.");
        }

        var request = new InfillRequest(
            body.InputPrefix ?? string.Empty,
            body.InputSuffix ?? string.Empty,
            MaxNewTokens: body.NPredict is > 0 ? body.NPredict : null,
            Temperature: body.Temperature,
            Seed: body.Seed);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await model.InfillAsync(request, context.RequestAborted);
            var completion = result.Completions[0];
            return Results.Json(new LlamaCppInfillResponse
            {
                Content = completion.Text,
                TokensPredicted = completion.TokenCount,
                TokensEvaluated = result.PromptTokensEvaluated,
                StoppedEos = completion.Finished,
                StoppedLimit = !completion.Finished,
                Model = model.Name,
                Timings = new LlamaCppTimings
                {
                    PromptN = result.PromptTokensEvaluated,
                    PromptMs = result.PromptTime.TotalMilliseconds,
                    PredictedN = completion.TokenCount,
                    PredictedMs = result.GenerationTime.TotalMilliseconds,
                },
            });
        }
        catch (PromptTooLongException exception)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, exception.Message);
        }
        catch (InferenceException exception)
        {
            return Error(StatusCodes.Status500InternalServerError, exception.Message);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(
        new LlamaCppError
        {
            Error = new LlamaCppErrorBody
            {
                Code = status,
                Message = message,
                Type = status >= 500 ? "server_error" : "invalid_request_error",
            },
        },
        statusCode: status);
}
