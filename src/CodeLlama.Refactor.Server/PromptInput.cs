using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// llama.cpp's <c>prompt</c> in each of its shapes: text, token ids (<c>[12, 34]</c>), tokens and text mixed
/// (<c>[12, "text", 34]</c>, BOS in front when the first element is text), or several prompts (<c>["a", [12, 34]]</c>)
/// answered one after another. Text with a family's FIM markers is read back into a FIM question; other text is a plain
/// completion of its tokens, as llama.cpp's <c>/completion</c> treats it.
/// </summary>
internal static class PromptInput
{
    /// <summary>The prompts <paramref name="prompt"/> holds, each as the question to ask the model.</summary>
    /// <param name="prompt">The body's prompt.</param>
    /// <param name="vocabulary">The served model's tokenizer; null for a model that has none here.</param>
    /// <returns>The questions, or why the prompt cannot be read.</returns>
    public static (IReadOnlyList<InfillRequest>? Requests, string? Error) Read(JsonNode? prompt, IServedModel? vocabulary)
    {
        try
        {
            IReadOnlyList<InfillRequest> requests = prompt switch
            {
                JsonArray array when array.Count > 0 && array.Any(IsToken) && array.All(element => IsToken(element) || IsText(element)) => [One(array, vocabulary)],
                JsonArray array when array.Count > 0 => [.. array.Select(element => One(element, vocabulary))],
                _ => [One(prompt, vocabulary)],
            };
            return requests.Any(request => request.PromptTokens is { Count: 0 }) ? (null, "The prompt is empty.") : (requests, null);
        }
        catch (FormatException exception)
        {
            return (null, exception.Message);
        }
    }

    private static InfillRequest One(JsonNode? prompt, IServedModel? vocabulary)
    {
        switch (prompt)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return FromText(value.GetValue<string>(), vocabulary);
            case JsonObject { } holder when holder["prompt_string"] is JsonValue text && text.GetValueKind() == JsonValueKind.String:
                return FromText(text.GetValue<string>(), vocabulary);
            case JsonArray array when array.All(element => IsToken(element) || IsText(element)):
                var tokens = new List<int>();
                for (var index = 0; index < array.Count; index++)
                {
                    if (IsToken(array[index]))
                    {
                        tokens.Add(Checked(array[index]!.GetValue<int>(), vocabulary));
                    }
                    else
                    {
                        tokens.AddRange(Tokenizer(vocabulary).Tokenize(array[index]!.GetValue<string>(), addSpecial: index == 0, parseSpecial: true));
                    }
                }

                return new InfillRequest(string.Empty, string.Empty) { PromptTokens = tokens };
            default:
                throw new FormatException("prompt must be text, token ids, tokens and text mixed, or a list of those.");
        }
    }

    private static InfillRequest FromText(string text, IServedModel? vocabulary) =>
        FimPromptText.Find(text) ?? (vocabulary is null
            ? new InfillRequest(text, string.Empty)
            : new InfillRequest(string.Empty, string.Empty) { PromptTokens = vocabulary.Tokenize(text, addSpecial: true, parseSpecial: true) });

    private static int Checked(int token, IServedModel? vocabulary) => token >= 0 && (vocabulary is null || token < vocabulary.VocabularySize)
        ? token
        : throw new FormatException($"The prompt token {token} is not in the vocabulary{(vocabulary is null ? "" : $" of {vocabulary.VocabularySize} tokens")}.");

    private static IServedModel Tokenizer(IServedModel? vocabulary) =>
        vocabulary ?? throw new FormatException("This model cannot tokenize a mixed prompt here: send text or token ids.");

    private static bool IsToken(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out _);

    private static bool IsText(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
}
