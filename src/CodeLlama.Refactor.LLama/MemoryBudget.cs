using CodeLlama.Refactor.LLama.Gguf;

namespace CodeLlama.Refactor.LLama;

/// <summary>Refuses a context whose KV cache, with the model, cannot fit in this machine's memory.</summary>
internal static class MemoryBudget
{
    private const double GiB = 1024d * 1024 * 1024;

    /// <summary>The bytes of an f16 KV cache of <paramref name="contextSize"/> tokens for the model in <paramref name="header"/>.</summary>
    /// <param name="header">The model's header.</param>
    /// <param name="contextSize">Tokens of context.</param>
    /// <returns>The estimate, or null when the header lacks the sizes.</returns>
    public static long? KvCacheBytes(GgufHeader header, long contextSize)
    {
        var architecture = header.Architecture;
        var layers = header.Integer($"{architecture}.block_count");
        var width = header.Integer($"{architecture}.embedding_length");
        var heads = header.Integer($"{architecture}.attention.head_count");
        if (layers is null || width is null || heads is not > 0)
        {
            return null;
        }

        var keyValueHeads = header.Integer($"{architecture}.attention.head_count_kv") ?? heads.Value;
        var keyValueWidth = width.Value / heads.Value * keyValueHeads;
        return 2L * layers.Value * contextSize * keyValueWidth * sizeof(short);
    }

    /// <summary>Throws when the model and its KV cache exceed <paramref name="availableBytes"/>.</summary>
    /// <param name="header">The model's header.</param>
    /// <param name="modelBytes">The model file's size.</param>
    /// <param name="contextSize">Tokens of context.</param>
    /// <param name="availableBytes">The memory this process may use.</param>
    /// <exception cref="InputException">It does not fit.</exception>
    public static void Check(GgufHeader header, long modelBytes, long contextSize, long availableBytes)
    {
        if (KvCacheBytes(header, contextSize) is { } cache && cache + modelBytes > availableBytes)
        {
            throw new InputException(
                $"A context of {contextSize} tokens needs about {cache / GiB:0.#} GiB for its KV cache plus {modelBytes / GiB:0.#} GiB "
                + $"for the model, more than the {availableBytes / GiB:0.#} GiB of memory available; pass a smaller --context.");
        }
    }

    /// <summary>The memory this process may use: physical memory, or the container's limit.</summary>
    /// <returns>Bytes.</returns>
    public static long Available() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
}
