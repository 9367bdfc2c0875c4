using System.Text;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;
using Microsoft.AspNetCore.Http;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// llama.cpp's <c>POST /tokenize</c> (<c>content</c>, <c>add_special</c> default false, <c>parse_special</c> default
/// true, <c>with_pieces</c>: each token as <c>{id, piece}</c>, the piece as text, or as its bytes when they are not
/// whole UTF-8) and <c>POST /detokenize</c> (<c>tokens</c> to <c>content</c>), with the served model's tokenizer.
/// </summary>
internal static class TokenizeEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IResult> TokenizeAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (served, json, error) = await ReadAsync(context, model, options);
        if (error is not null)
        {
            return error;
        }

        if (json.Raw["content"] is not JsonValue content || !content.TryGetValue<string>(out var text))
        {
            return Errors.Json(StatusCodes.Status400BadRequest, "The body must hold content, the text to tokenize.");
        }

        var tokens = served.Tokenize(text, json.Bool("add_special", false), json.Bool("parse_special", true));
        var answer = json.Bool("with_pieces", false)
            ? new JsonArray([.. tokens.Select(token => (JsonNode)new JsonObject { ["id"] = token, ["piece"] = Piece(served.TokenBytes(token)) })])
            : new JsonArray([.. tokens.Select(token => (JsonNode)token)]);
        return Results.Json(new JsonObject { ["tokens"] = answer });
    }

    public static async Task<IResult> DetokenizeAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        var (served, json, error) = await ReadAsync(context, model, options);
        if (error is not null)
        {
            return error;
        }

        var given = json.Raw["tokens"] as JsonArray ?? [];
        var tokens = new List<int>();
        foreach (var node in given)
        {
            if (node is not JsonValue value || !value.TryGetValue<int>(out var token) || token < 0 || token >= served.VocabularySize)
            {
                return Errors.Json(StatusCodes.Status400BadRequest, $"tokens must be token ids below {served.VocabularySize}.");
            }

            tokens.Add(token);
        }

        return Results.Json(new JsonObject { ["content"] = served.Detokenize(tokens) });
    }

    // The served model's tokenizer and the body, or why there are none.
    private static async Task<(IServedModel Served, RequestJson Json, IResult? Error)> ReadAsync(HttpContext context, IInfillModel model, ServerOptions options)
    {
        if (model is not IServedModel served)
        {
            return (null!, null!, Errors.NotSupported("This model has no tokenizer here."));
        }

        var (_, json, error) = await RequestJson.ReadAsync<JsonObject>(context, options);
        return (served, json!, error);
    }

    // The piece as text when its bytes are whole UTF-8, else the bytes themselves, as llama.cpp answers.
    private static JsonNode Piece(byte[] bytes)
    {
        try
        {
            return JsonValue.Create(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return new JsonArray([.. bytes.Select(value => (JsonNode)(int)value)]);
        }
    }
}
