namespace CodeLlama.Refactor.Testing.Models;

/// <summary>The shape of a small llama-architecture model.</summary>
/// <param name="EmbeddingLength">Width of the residual stream.</param>
/// <param name="Layers">Number of transformer blocks.</param>
/// <param name="Heads">Attention heads (and key/value heads).</param>
/// <param name="FeedForwardLength">Hidden width of each block's feed-forward network.</param>
/// <param name="ContextLength">The trained context length the file declares.</param>
/// <param name="Architecture">general.architecture; anything but <c>llama</c> makes a model llama.cpp cannot load.</param>
/// <param name="WithInfillTokens">False for a model whose vocabulary has no infill tokens.</param>
/// <param name="DeclareEndOfText">True to write tokenizer.ggml.eot_token_id, as newer conversions do.</param>
/// <param name="Fim">The FIM family whose token names the vocabulary uses; null for Code Llama's.</param>
/// <param name="ChatTemplate">tokenizer.chat_template, as an Instruct model's GGUF carries it; null for none.</param>
public sealed record TinyLlamaShape(
    int EmbeddingLength = 64,
    int Layers = 1,
    int Heads = 4,
    int FeedForwardLength = 128,
    int ContextLength = 16384,
    string Architecture = "llama",
    bool WithInfillTokens = true,
    bool DeclareEndOfText = false,
    FimLayout? Fim = null,
    string? ChatTemplate = null)
{
    /// <summary>
    /// About 50M parameters: big enough that CPU timings of prompt evaluation and decoding mean something.
    /// </summary>
    public static TinyLlamaShape Benchmark { get; } = new(EmbeddingLength: 512, Layers: 6, Heads: 8, FeedForwardLength: 1376);

    /// <summary>Code Llama 7B's shape (6.7B parameters): written as random Q4_0, the size and speed of a real 7B Q4_0 GGUF.</summary>
    public static TinyLlamaShape SevenB { get; } = new(EmbeddingLength: 4096, Layers: 32, Heads: 32, FeedForwardLength: 11008);

    /// <summary>Writes the hyper-parameter keys of this shape.</summary>
    /// <param name="writer">The file being written.</param>
    /// <param name="name">general.name.</param>
    public void WriteTo(GgufWriter writer, string name)
    {
        var prefix = Architecture;
        writer
            .String("general.architecture", Architecture)
            .String("general.name", name)
            .UInt32("general.file_type", 0)
            .UInt32($"{prefix}.context_length", (uint)ContextLength)
            .UInt32($"{prefix}.embedding_length", (uint)EmbeddingLength)
            .UInt32($"{prefix}.block_count", (uint)Layers)
            .UInt32($"{prefix}.feed_forward_length", (uint)FeedForwardLength)
            .UInt32($"{prefix}.rope.dimension_count", (uint)(EmbeddingLength / Heads))
            .UInt32($"{prefix}.attention.head_count", (uint)Heads)
            .UInt32($"{prefix}.attention.head_count_kv", (uint)Heads)
            .Float32($"{prefix}.attention.layer_norm_rms_epsilon", 1e-5f)
            .Float32($"{prefix}.rope.freq_base", 1_000_000f);
        if (ChatTemplate is not null)
        {
            writer.String("tokenizer.chat_template", ChatTemplate);
        }

        if (DeclareEndOfText && WithInfillTokens)
        {
            writer.UInt32("tokenizer.ggml.eot_token_id", CodeLlamaVocabulary.EndOfText);
        }
    }

    /// <summary>Adds every tensor of the model, with the data each function returns.</summary>
    /// <param name="writer">The file being written.</param>
    /// <param name="embeddings">token_embd.weight: [EmbeddingLength × vocabulary].</param>
    /// <param name="output">output.weight: [EmbeddingLength × vocabulary].</param>
    /// <param name="block">Any block matrix of the given element count.</param>
    public void WriteTensors(GgufWriter writer, Func<float[]> embeddings, Func<float[]> output, Func<long, float[]> block)
    {
        foreach (var (name, shape, role) in Tensors())
        {
            writer.Tensor(name, shape, role switch
            {
                TensorRole.Embeddings => embeddings,
                TensorRole.Output => output,
                TensorRole.Norm => Ones,
                _ => () => block(shape[0] * shape[1]),
            });
        }
    }

    /// <summary>Adds every tensor of the model: norms of ones as F32, every matrix as random Q4_0 (see <see cref="GgufWriter.RandomQ4_0Tensor"/>).</summary>
    /// <param name="writer">The file being written.</param>
    /// <param name="seed">Seeds the weights.</param>
    public void WriteRandomQ4_0Tensors(GgufWriter writer, int seed)
    {
        foreach (var ((name, shape, role), index) in Tensors().Select((tensor, index) => (tensor, index)))
        {
            _ = role == TensorRole.Norm ? writer.Tensor(name, shape, Ones) : writer.RandomQ4_0Tensor(name, shape, seed + index);
        }
    }

    private float[] Ones() => Enumerable.Repeat(1f, EmbeddingLength).ToArray();

    private IEnumerable<(string Name, long[] Shape, TensorRole Role)> Tensors()
    {
        long embed = EmbeddingLength;
        long feedForward = FeedForwardLength;
        yield return ("token_embd.weight", [embed, CodeLlamaVocabulary.Size], TensorRole.Embeddings);
        yield return ("output_norm.weight", [embed], TensorRole.Norm);
        yield return ("output.weight", [embed, CodeLlamaVocabulary.Size], TensorRole.Output);
        for (var layer = 0; layer < Layers; layer++)
        {
            var name = $"blk.{layer}";
            yield return ($"{name}.attn_norm.weight", [embed], TensorRole.Norm);
            yield return ($"{name}.attn_q.weight", [embed, embed], TensorRole.Block);
            yield return ($"{name}.attn_k.weight", [embed, embed], TensorRole.Block);
            yield return ($"{name}.attn_v.weight", [embed, embed], TensorRole.Block);
            yield return ($"{name}.attn_output.weight", [embed, embed], TensorRole.Block);
            yield return ($"{name}.ffn_norm.weight", [embed], TensorRole.Norm);
            yield return ($"{name}.ffn_gate.weight", [embed, feedForward], TensorRole.Block);
            yield return ($"{name}.ffn_up.weight", [embed, feedForward], TensorRole.Block);
            yield return ($"{name}.ffn_down.weight", [feedForward, embed], TensorRole.Block);
        }
    }
}

/// <summary>What a tensor of a <see cref="TinyLlamaShape"/> model is, which decides the data it is written with.</summary>
internal enum TensorRole
{
    Embeddings,
    Output,
    Norm,
    Block,
}
