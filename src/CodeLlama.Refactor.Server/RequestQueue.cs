using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// Bounds the requests for the model (every POST) that are answered or waiting at once: those beyond the model's slots
/// plus <see cref="ServerOptions.MaxQueue"/> get 503 with <c>Retry-After</c> at once, instead of queueing without limit
/// until their clients time out.
/// </summary>
internal static class RequestQueue
{
    public static void UseRequestQueue(this WebApplication app, int capacity)
    {
        var admitted = 0;
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (Interlocked.Increment(ref admitted) > capacity)
            {
                Interlocked.Decrement(ref admitted);
                context.Response.Headers.RetryAfter = ServerOptions.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Errors.Json(
                        StatusCodes.Status503ServiceUnavailable,
                        $"The server is busy: {capacity} requests are being answered or waiting for a slot; try again later.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref admitted);
            }
        });
    }
}
