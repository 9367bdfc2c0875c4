using System.Security.Cryptography;
using System.Text;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// Answers 401, in llama.cpp server's error shape, to every request that does not carry <c>Authorization: Bearer KEY</c>;
/// <c>/health</c> stays open, as in llama.cpp's server, so that load balancers can probe it without the key.
/// </summary>
internal static class ApiKeyGate
{
    private const string BearerPrefix = "Bearer ";

    public static void UseApiKey(this WebApplication app, string key)
    {
        // Both sides are hashed before the comparison so that it takes the same time whatever the key's length, and the
        // comparison itself is constant-time, so neither leaks how much of a guess was right.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/v1/health", StringComparison.OrdinalIgnoreCase)
                || Presents(context.Request, expected))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(
                new LlamaCppError
                {
                    Error = new LlamaCppErrorBody { Code = StatusCodes.Status401Unauthorized, Message = "Invalid API Key", Type = "authentication_error" },
                },
                context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static bool Presents(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[BearerPrefix.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
