using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// An HTTP front for one loaded model, in llama.cpp server's shape so the same clients (llama.vim, llama.vscode) work
/// against either: <c>POST /infill</c>, <c>POST /completion</c>, <c>POST /tokenize</c>, <c>POST /detokenize</c>, <c>POST /apply-template</c>,
/// <c>GET /health</c>, <c>GET /props</c>, <c>GET /slots</c>, <c>GET /metrics</c> (with <see cref="ServerOptions.Metrics"/>),
/// and OpenAI-compatible <c>POST /v1/completions</c>, <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>; every
/// completion route streams token by token on request. Concurrent requests are decoded together in the model's slots
/// (<c>serve --parallel</c>); up to <see cref="ServerOptions.MaxQueue"/> more wait for a free slot, and others get 503.
/// With <see cref="ServerOptions.ApiKey"/> set, every request but <c>/health</c> needs <c>Authorization: Bearer KEY</c>;
/// without, only requests whose <c>Host</c> names a loopback address or the bound host are answered.
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
        builder.WebHost.UseUrls(options.ListenUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        var app = builder.Build();
        if (options.ApiKey is { Length: > 0 } key)
        {
            app.UseApiKey(key);
        }
        else
        {
            app.UseLocalHostHeader(options.Host);
        }

        app.UseRequestQueue(model.Concurrency + options.MaxQueue);

        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/v1/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/props", () => StatusEndpoints.Props(model));
        app.MapGet("/slots", (HttpContext context) => StatusEndpoints.Slots(context, model, options));
        app.MapGet("/metrics", () => StatusEndpoints.Metrics(model, options));
        // As Delegates, so that the returned IResult is written (a plain RequestDelegate would drop it).
        app.MapPost("/infill", (Delegate)((HttpContext context) => InfillEndpoint.HandleAsync(context, model, options)));
        app.MapPost("/completion", (Delegate)((HttpContext context) => InfillEndpoint.CompletionAsync(context, model, options)));
        app.MapPost("/completions", (Delegate)((HttpContext context) => InfillEndpoint.CompletionAsync(context, model, options)));
        app.MapPost("/tokenize", (Delegate)((HttpContext context) => TokenizeEndpoints.TokenizeAsync(context, model, options)));
        app.MapPost("/detokenize", (Delegate)((HttpContext context) => TokenizeEndpoints.DetokenizeAsync(context, model, options)));
        app.MapPost("/v1/completions", (Delegate)((HttpContext context) => OpenAiEndpoints.CompletionsAsync(context, model, options)));
        app.MapPost("/v1/chat/completions", (Delegate)((HttpContext context) => ChatEndpoint.HandleAsync(context, model, options)));
        app.MapPost("/chat/completions", (Delegate)((HttpContext context) => ChatEndpoint.HandleAsync(context, model, options)));
        app.MapPost("/apply-template", (Delegate)((HttpContext context) => ChatEndpoint.ApplyTemplateAsync(context, model, options)));
        app.MapGet("/v1/models", () => Results.Json(OpenAiEndpoints.Models(model)));
        app.MapGet("/models", () => Results.Json(OpenAiEndpoints.Models(model)));
        return app;
    }
}
