using CodeLlama.Refactor.LLama.Gguf;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Checks a model file before llama.cpp loads it, so that a wrong file is refused with one clear line: not GGUF, or cut
/// short. Whether the vocabulary can infill is left to llama.cpp's own detection of the infill tokens, checked once the
/// model is loaded.
/// </summary>
internal static class ModelFile
{
    /// <summary>Code Llama's vocabulary size, and where its ▁&lt;EOT&gt; token sits.</summary>
    private const int CodeLlamaVocabularySize = 32016;

    private const int CodeLlamaEndOfText = 32010;

    /// <summary>Which Code Llama files can infill, for error messages.</summary>
    public const string InfillVariants =
        "use Code Llama 7B, 13B or 70B (base or Instruct); the 34B and the Python variants were not trained to infill";

    /// <summary>Reads and checks the header of <paramref name="path"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <returns>The header and the file's length.</returns>
    /// <exception cref="InputException">The file is missing, not GGUF, or truncated.</exception>
    public static (GgufHeader Header, long Length) Inspect(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new InputException(Directory.Exists(path)
                ? $"The model path '{path}' is a folder; pass the .gguf file."
                : $"The model file '{path}' does not exist.");
        }

        GgufHeader header;
        try
        {
            header = GgufHeader.Read(file.FullName);
        }
        catch (GgufFormatException exception)
        {
            throw Refuse(file, exception.Message);
        }
        catch (IOException exception)
        {
            throw Refuse(file, exception.Message);
        }

        if (header.FirstTensorPastEnd(file.Length) is { } past)
        {
            throw Refuse(file, $"it is truncated or corrupt: tensor '{past.Tensor.Name}' ends at byte {past.End}, the file has {file.Length}");
        }

        return (header, file.Length);
    }

    /// <summary>
    /// True when the file has Code Llama's vocabulary but does not name its end-of-infill token (older conversions):
    /// without ▁&lt;EOT&gt; generation would never stop, so the loader supplies id 32010.
    /// </summary>
    /// <param name="header">The model's header.</param>
    /// <returns>Whether to override tokenizer.ggml.eot_token_id.</returns>
    public static bool NeedsEndOfTextOverride(GgufHeader header) =>
        header.Integer("tokenizer.ggml.eot_token_id") is null
        && header.Tokens.Count == CodeLlamaVocabularySize
        && header.Tokens[CodeLlamaEndOfText] == "▁<EOT>";

    /// <summary>The refusal for <paramref name="file"/>.</summary>
    /// <param name="file">The model file.</param>
    /// <param name="reason">What is wrong, starting in lower case.</param>
    /// <returns>The exception to throw.</returns>
    public static InputException Refuse(FileInfo file, string reason) =>
        new($"The model file '{file.Name}' cannot be used: {reason}.");
}
