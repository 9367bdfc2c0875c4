using System.Collections.Concurrent;
using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// The text of each token as UTF-8 bytes, special tokens as their text, as llama.cpp's server reports pieces and
/// probabilities; a token can hold part of a character, so bytes rather than a string. Read once per token.
/// </summary>
internal sealed class TokenPieces(LLamaWeights weights)
{
    private readonly ConcurrentDictionary<int, byte[]> cache = new();

    public byte[] Bytes(int token) => cache.GetOrAdd(token, Read);

    private byte[] Read(int token)
    {
        var buffer = new byte[64];
        var size = (int)weights.NativeHandle.TokenToSpan((LLamaToken)token, buffer, 0, special: true);
        if (size > buffer.Length)
        {
            // Nothing was written: the piece is longer than the buffer.
            buffer = new byte[size];
            size = (int)weights.NativeHandle.TokenToSpan((LLamaToken)token, buffer, 0, special: true);
        }

        return buffer[..Math.Max(0, size)];
    }
}
