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
        long embed = EmbeddingLength;
        long feedForward = FeedForwardLength;
        float[] Ones() => Enumerable.Repeat(1f, EmbeddingLength).ToArray();
        writer.Tensor("token_embd.weight", [embed, CodeLlamaVocabulary.Size], embeddings);
        writer.Tensor("output_norm.weight", [embed], Ones);
        writer.Tensor("output.weight", [embed, CodeLlamaVocabulary.Size], output);
        for (var layer = 0; layer < Layers; layer++)
        {
            var name = $"blk.{layer}";
            writer.Tensor($"{name}.attn_norm.weight", [embed], Ones);
            writer.Tensor($"{name}.attn_q.weight", [embed, embed], () => block(embed * embed));
            writer.Tensor($"{name}.attn_k.weight", [embed, embed], () => block(embed * embed));
            writer.Tensor($"{name}.attn_v.weight", [embed, embed], () => block(embed * embed));
            writer.Tensor($"{name}.attn_output.weight", [embed, embed], () => block(embed * embed));
            writer.Tensor($"{name}.ffn_norm.weight", [embed], Ones);
            writer.Tensor($"{name}.ffn_gate.weight", [embed, feedForward], () => block(embed * feedForward));
            writer.Tensor($"{name}.ffn_up.weight", [embed, feedForward], () => block(embed * feedForward));
            writer.Tensor($"{name}.ffn_down.weight", [feedForward, embed], () => block(embed * feedForward));
        }
    }
}
