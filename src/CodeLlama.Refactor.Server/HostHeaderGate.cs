using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// Without an API key, answers 403 to every request whose <c>Host</c> header names neither a loopback address nor the
/// host the server is bound to. A web page whose own name an attacker rebinds to 127.0.0.1 (DNS rebinding) reaches the
/// socket, but its requests still carry that name: they are refused before they reach the model.
/// </summary>
internal static class HostHeaderGate
{
    public static void UseLocalHostHeader(this WebApplication app, string boundHost)
    {
        app.Use(async (context, next) =>
        {
            if (IsAllowed(context.Request.Host, boundHost))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            await Errors.Json(
                    StatusCodes.Status403Forbidden,
                    $"Host '{context.Request.Host}' is not this server's address; without an API key only requests to a loopback address or {boundHost} are answered.")
                .ExecuteAsync(context).ConfigureAwait(false);
        });
    }

    /// <summary>Whether a request with this <c>Host</c> header is answered; one without a header is not.</summary>
    internal static bool IsAllowed(HostString host, string boundHost) =>
        host.HasValue && (ListenHost.IsLoopback(host.Host) || ListenHost.AreSame(host.Host, boundHost));
}
