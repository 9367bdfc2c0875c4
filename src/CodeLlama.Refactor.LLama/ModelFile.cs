using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.LLama.Gguf;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Checks a model file before llama.cpp loads it, so that a wrong file is refused with one clear line: not GGUF, or cut
/// short. Whether the vocabulary can infill is left to llama.cpp's own detection of the infill tokens, checked once the
/// model is loaded.
/// </summary>
internal static class ModelFile
{
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
    /// The end-of-infill token to supply when the file has a family's vocabulary but does not name that token (older
    /// Code Llama conversions: without ▁&lt;EOT&gt; generation would never stop), as the family's descriptor says.
    /// </summary>
    /// <param name="header">The model's header.</param>
    /// <returns>The id to set as tokenizer.ggml.eot_token_id, or null when none is needed.</returns>
    public static int? EndOfTextOverride(GgufHeader header) => header.Integer("tokenizer.ggml.eot_token_id") is null
        ? FimFamilyDescriptor.All.Select(family => family.EndOfText).OfType<EndOfTextOverride>()
            .FirstOrDefault(end => header.Tokens.Count == end.VocabularySize && header.Tokens[end.Id] == end.Piece)?.Id
        : null;

    /// <summary>The refusal for <paramref name="file"/>.</summary>
    /// <param name="file">The model file.</param>
    /// <param name="reason">What is wrong, starting in lower case.</param>
    /// <returns>The exception to throw.</returns>
    public static InputException Refuse(FileInfo file, string reason) =>
        new($"The model file '{file.Name}' cannot be used: {reason}.");
}
