using System.Text;
using System.Threading.Channels;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeLlama.Refactor.Server;

/// <summary>How a route writes a streamed answer: the event of each token, and the events that close each completion.</summary>
internal interface IStreamShape
{
    /// <summary>True on the OpenAI routes, which end the stream with <c>data: [DONE]</c>.</summary>
    bool EndsWithDone { get; }

    /// <summary>The event of one token of answer <paramref name="index"/>.</summary>
    object Token(int index, InfillProgress step);

    /// <summary>The events that close answer <paramref name="index"/>; <paramref name="remainder"/> is its text not streamed yet.</summary>
    IEnumerable<object> End(int index, InfillResult result, InfillCompletion completion, string remainder);
}

/// <summary>
/// A streamed answer, as llama.cpp's server sends one: a <c>data: {json}</c> server-sent event per generated token as
/// the engine produces it, then the events that close each completion (its stop, its timings). Answer <c>i</c> of
/// prompt <c>p</c> has index <c>p × n_cmpl + i</c>. A request that fails before its first token is answered with its
/// error status, as a whole answer would be; after that, the error goes as an event.
/// </summary>
internal sealed class TokenStream(IInfillModel model, IReadOnlyList<InfillRequest> requests, int perPrompt, IStreamShape shape) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var aborted = httpContext.RequestAborted;
        var steps = Channel.CreateUnbounded<(int Index, InfillProgress Step)>(new UnboundedChannelOptions { SingleReader = true });
        var answers = requests
            .Select((request, prompt) => model.InfillAsync(
                request with { Progress = step => steps.Writer.TryWrite((prompt * perPrompt + step.Candidate, step)) }, aborted))
            .ToList();
        var all = Task.WhenAll(answers);
        _ = all.ContinueWith(_ => steps.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        await Task.WhenAny(steps.Reader.WaitToReadAsync(aborted).AsTask(), all).ConfigureAwait(false);
        if (all.IsFaulted && !steps.Reader.TryPeek(out _) && all.Exception?.InnerException is InferenceException failed)
        {
            await Errors.From(failed).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The options Results.Json writes with, so that a streamed chunk reads byte for byte like a whole answer.
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var streamed = new Dictionary<int, StringBuilder>();
        async Task WriteAsync(object chunk)
        {
            await response.WriteAsync("data: " + System.Text.Json.JsonSerializer.Serialize(chunk, chunk.GetType(), json) + "\n\n", aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        await foreach (var (index, step) in steps.Reader.ReadAllAsync(aborted).ConfigureAwait(false))
        {
            (streamed.TryGetValue(index, out var text) ? text : streamed[index] = new StringBuilder()).Append(step.Text);
            await WriteAsync(shape.Token(index, step)).ConfigureAwait(false);
        }

        InfillResult[] results;
        try
        {
            results = await all.ConfigureAwait(false);
        }
        catch (InferenceException exception)
        {
            await WriteAsync(new LlamaCppError { Error = new LlamaCppErrorBody { Code = 500, Message = exception.Message, Type = "server_error" } }).ConfigureAwait(false);
            return;
        }

        for (var prompt = 0; prompt < results.Length; prompt++)
        {
            foreach (var completion in results[prompt].Completions.OrderBy(completion => completion.Index))
            {
                var index = prompt * perPrompt + completion.Index;
                var sent = streamed.TryGetValue(index, out var text) ? text.ToString() : string.Empty;
                // The engine holds back text that may still be cut (a stop text's start); what it held when the completion ended goes now.
                var remainder = completion.Text.StartsWith(sent, StringComparison.Ordinal) ? completion.Text[sent.Length..] : string.Empty;
                foreach (var chunk in shape.End(index, results[prompt], completion, remainder))
                {
                    await WriteAsync(chunk).ConfigureAwait(false);
                }
            }
        }

        if (shape.EndsWithDone)
        {
            await response.WriteAsync("data: [DONE]\n\n", aborted).ConfigureAwait(false);
        }
    }
}
