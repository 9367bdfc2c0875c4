using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>Reads a JSON request body within the size limit, or says in llama.cpp's error shape why not.</summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpContext context, ServerOptions options)
        where T : class
    {
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return (null, Errors.Json(StatusCodes.Status413PayloadTooLarge, $"The request has {context.Request.ContentLength} bytes; the limit is {options.MaxRequestBytes}."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, cancellationToken: context.RequestAborted);
            return body is null ? (null, Errors.Json(StatusCodes.Status400BadRequest, "The body is empty.")) : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, Errors.Json(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Errors.Json(StatusCodes.Status413PayloadTooLarge, $"The request is larger than the limit of {options.MaxRequestBytes} bytes."));
        }
    }
}
