namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// Builds GGUF files for tests and benchmarks (no weights can be downloaded): a scripted model whose greedy output
/// after ▁&lt;MID&gt; is a chosen text whatever the prompt, and a random-weight model that writes noise.
/// </summary>
public static class TestModels
{
    /// <summary>
    /// Writes a scripted model. Attention and feed-forward weights are zero, so the residual stream is the token
    /// embedding; ▁&lt;MID&gt; and each piece of the script get a one-hot embedding, and output.weight maps each of them
    /// to its successor, the last to ▁&lt;EOT&gt;. llama.cpp runs a real forward pass and emits <paramref name="script"/>.
    /// </summary>
    /// <param name="path">Where to write the file.</param>
    /// <param name="script">The text to emit; no leading space.</param>
    /// <param name="shape">The model's shape; null for the default tiny one.</param>
    /// <param name="endToken">The token after the script; null for the infill end token (32010).</param>
    /// <param name="startToken">The prompt's last token, after which the script starts; null for ▁&lt;MID&gt;.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string WriteScripted(string path, string script, TinyLlamaShape? shape = null, int? endToken = null, int? startToken = null)
    {
        shape ??= new TinyLlamaShape();
        var pieces = ScriptPieces.Split(script);
        var vocabulary = new CodeLlamaVocabulary(pieces, shape.WithInfillTokens, shape.Fim);
        var chain = new List<int> { startToken ?? CodeLlamaVocabulary.Middle };
        chain.AddRange(vocabulary.PieceIds);
        if (chain.Count >= shape.EmbeddingLength)
        {
            throw new ArgumentException($"The script needs {chain.Count} tokens; the model has room for {shape.EmbeddingLength - 1}.", nameof(script));
        }

        var width = shape.EmbeddingLength;
        var writer = new GgufWriter();
        shape.WriteTo(writer, "scripted test model");
        vocabulary.WriteTo(writer);
        shape.WriteTensors(
            writer,
            embeddings: () =>
            {
                var values = new float[(long)width * CodeLlamaVocabulary.Size];
                for (var dimension = 0; dimension < chain.Count; dimension++)
                {
                    values[((long)chain[dimension] * width) + dimension] = 1f;
                }

                return values;
            },
            output: () =>
            {
                var values = new float[(long)width * CodeLlamaVocabulary.Size];
                for (var dimension = 0; dimension < chain.Count; dimension++)
                {
                    var successor = dimension + 1 < chain.Count ? chain[dimension + 1] : endToken ?? CodeLlamaVocabulary.EndOfText;
                    values[((long)successor * width) + dimension] = 10f;
                }

                return values;
            },
            block: count => new float[count]);
        writer.WriteTo(path);
        return path;
    }

    /// <summary>
    /// Writes a model of <paramref name="shape"/> with random Q4_0 weights, the type most GGUFs of code models are
    /// downloaded in: for measuring prompt and generation speed at a real model's size (what it writes is noise).
    /// </summary>
    /// <param name="path">Where to write the file.</param>
    /// <param name="shape">The model's shape, e.g. <see cref="TinyLlamaShape.SevenB"/>.</param>
    /// <param name="seed">Seeds the weights.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string WriteRandomQ4_0(string path, TinyLlamaShape shape, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var writer = new GgufWriter();
        shape.WriteTo(writer, "random Q4_0 test model");
        new CodeLlamaVocabulary([], shape.WithInfillTokens, shape.Fim).WriteTo(writer);
        shape.WriteRandomQ4_0Tensors(writer, seed);
        writer.WriteTo(path);
        return path;
    }

    /// <summary>Writes a model with small random weights: it loads and decodes, and what it writes is noise.</summary>
    /// <param name="path">Where to write the file.</param>
    /// <param name="shape">The model's shape; null for the default tiny one.</param>
    /// <param name="seed">Seeds the weights.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string WriteRandom(string path, TinyLlamaShape? shape = null, int seed = 1)
    {
        shape ??= new TinyLlamaShape();
        var random = new Random(seed);
        float[] Noise(long count)
        {
            var values = new float[count];
            for (long index = 0; index < count; index++)
            {
                values[index] = (float)((random.NextDouble() * 2) - 1) * 0.05f;
            }

            return values;
        }

        var embeddings = (long)shape.EmbeddingLength * CodeLlamaVocabulary.Size;
        var writer = new GgufWriter();
        shape.WriteTo(writer, "random test model");
        new CodeLlamaVocabulary([], shape.WithInfillTokens, shape.Fim).WriteTo(writer);
        shape.WriteTensors(writer, () => Noise(embeddings), () => Noise(embeddings), Noise);
        writer.WriteTo(path);
        return path;
    }
}
