using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>Error answers in llama.cpp server's shape: <c>{"error": {"code", "message", "type"}}</c>.</summary>
internal static class Errors
{
    public static IResult Json(int status, string message) => Results.Json(
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

    /// <summary>501 with llama.cpp's <c>not_supported_error</c>, for a route this server was not started to answer.</summary>
    public static IResult NotSupported(string message) => Results.Json(
        new LlamaCppError { Error = new LlamaCppErrorBody { Code = StatusCodes.Status501NotImplemented, Message = message, Type = "not_supported_error" } },
        statusCode: StatusCodes.Status501NotImplemented);

    /// <summary>The answer for a model that could not answer: 413 for a prompt too long, else 500.</summary>
    public static IResult From(InferenceException exception) => exception is PromptTooLongException
        ? Json(StatusCodes.Status413PayloadTooLarge, exception.Message)
        : Json(StatusCodes.Status500InternalServerError, exception.Message);
}
