using System.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>
/// The encoding the compiler reads a file with: its byte order mark when it has one, else the encoding the workspace
/// loaded it with (the project's <c>CodePage</c>, else UTF-8).
/// </summary>
internal static class SourceEncoding
{
    // UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
    private static readonly (byte[] Mark, int CodePage)[] Marks =
    [
        ([0xEF, 0xBB, 0xBF], 65001),
        ([0xFF, 0xFE, 0x00, 0x00], 12000),
        ([0x00, 0x00, 0xFE, 0xFF], 12001),
        ([0xFF, 0xFE], 1200),
        ([0xFE, 0xFF], 1201),
    ];

    // A project's CodePage (1252, 932, ...) is only available through the code pages provider on .NET.
    static SourceEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The byte order mark's length and the encoding of the rest of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The file as it is on disk.</param>
    /// <param name="loadedWith">The encoding the workspace decoded the file with, when known.</param>
    /// <returns>
    /// An encoding that decodes invalid bytes to U+FFFD, as the compiler does, and refuses to encode a character it cannot
    /// represent rather than write a '?' the verified text did not have.
    /// </returns>
    public static (int MarkLength, Encoding Encoding) Detect(ReadOnlySpan<byte> bytes, Encoding? loadedWith)
    {
        foreach (var (mark, codePage) in Marks)
        {
            if (bytes.StartsWith(mark))
            {
                return (mark.Length, Strict(codePage));
            }
        }

        return (0, Strict(loadedWith?.CodePage ?? Encoding.UTF8.CodePage));
    }

    /// <summary>The byte order mark and encoding a new file is written with.</summary>
    /// <param name="encoding">The new text's encoding, when it has one.</param>
    /// <returns>The mark (empty when the encoding has none) and the encoding.</returns>
    public static (byte[] Mark, Encoding Encoding) ForNewFile(Encoding? encoding) =>
        encoding is null ? ([], Strict(Encoding.UTF8.CodePage)) : (encoding.GetPreamble(), Strict(encoding.CodePage));

    // The decoder keeps the encoding's own replacement (U+FFFD for UTF-8), so that the text compares equal to the workspace's.
    private static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, Encoding.GetEncoding(codePage).DecoderFallback);
}
