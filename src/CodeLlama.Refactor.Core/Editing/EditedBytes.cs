using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>
/// The bytes a file holds after an edit: the new text in the file's own encoding, behind its own byte order mark. A file
/// whose bytes do not survive decoding (invalid UTF-8 the compiler read as U+FFFD) is spliced instead: every byte outside
/// the changed region is kept as it was, and only the changed region is encoded.
/// </summary>
internal static class EditedBytes
{
    /// <summary>The bytes for <paramref name="updated"/>, or why the file cannot be written without losing bytes.</summary>
    /// <param name="current">The file's bytes on disk; they decode to <paramref name="original"/> (checked by the caller).</param>
    /// <param name="markLength">The length of the byte order mark at the start of <paramref name="current"/>.</param>
    /// <param name="encoding">The file's encoding (<see cref="SourceEncoding.Detect"/>).</param>
    /// <param name="original">The file's text as decoded.</param>
    /// <param name="updated">The text it should hold.</param>
    /// <param name="changes">The changes that make <paramref name="updated"/> of <paramref name="original"/>, spans in the original.</param>
    /// <returns>The new bytes, or null and the reason.</returns>
    public static (byte[]? Bytes, string? Refusal) Compute(
        byte[] current, int markLength, Encoding encoding, string original, string updated, IReadOnlyList<TextChange> changes)
    {
        var body = current.AsSpan(markLength);
        try
        {
            if (RoundTrips(body, encoding, original))
            {
                return ([.. current.AsSpan(0, markLength), .. encoding.GetBytes(updated)], null);
            }

            return Splice(current, markLength, encoding, original, updated, changes);
        }
        catch (EncoderFallbackException)
        {
            return (null, $"the new text has characters {encoding.WebName} cannot represent");
        }
    }

    private static bool RoundTrips(ReadOnlySpan<byte> bytes, Encoding encoding, string text)
    {
        try
        {
            return encoding.GetBytes(text).AsSpan().SequenceEqual(bytes);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static (byte[]? Bytes, string? Refusal) Splice(
        byte[] current, int markLength, Encoding encoding, string original, string updated, IReadOnlyList<TextChange> changes)
    {
        var notValid = $"its bytes are not valid {encoding.WebName}";
        if (!IsAsciiCompatible(encoding) || Segments.Of(current.AsSpan(markLength), encoding) is not { } segments || segments.Text != original)
        {
            return (null, notValid + " and it cannot be edited without re-encoding them");
        }

        var bytes = new List<byte>(current.Length + 1024);
        bytes.AddRange(current.AsSpan(0, markLength));
        var kept = 0;
        foreach (var (first, last, text) in Regions(segments, original, changes))
        {
            var (start, end) = (segments.ByteOffsets[first], segments.ByteOffsets[last]);
            if (!RoundTrips(current.AsSpan(markLength + start, end - start), encoding, original[segments.CharOffsets[first]..segments.CharOffsets[last]]))
            {
                return (null, notValid + " where the edit changes it");
            }

            bytes.AddRange(current.AsSpan(markLength + kept, start - kept));
            bytes.AddRange(encoding.GetBytes(text));
            kept = end;
        }

        bytes.AddRange(current.AsSpan(markLength + kept));
        var result = bytes.ToArray();

        // What the compiler will read back must be exactly the verified text.
        return encoding.GetString(result, markLength, result.Length - markLength) == updated ? (result, null) : (null, notValid + " around the edit");
    }

    /// <summary>
    /// The changes as regions between segment boundaries, each with its new text: a change is trimmed to what really
    /// differs, widened to whole segments, and merged with its neighbour when both touch the same segment.
    /// </summary>
    private static List<(int First, int Last, string Text)> Regions(Segments segments, string original, IReadOnlyList<TextChange> changes)
    {
        var regions = new List<(int Start, int End, string Text)>();
        foreach (var change in changes.OrderBy(change => change.Span.Start))
        {
            var (start, end, text) = Trimmed(original, change);
            if (regions.Count > 0 && segments.Covering(start, end).First < segments.Covering(regions[^1].Start, regions[^1].End).Last)
            {
                var previous = regions[^1];
                regions[^1] = (previous.Start, end, previous.Text + original[previous.End..start] + text);
            }
            else
            {
                regions.Add((start, end, text));
            }
        }

        return regions.Select(region =>
        {
            var (first, last) = segments.Covering(region.Start, region.End);
            return (first, last, original[segments.CharOffsets[first]..region.Start] + region.Text + original[region.End..segments.CharOffsets[last]]);
        }).ToList();
    }

    private static (int Start, int End, string Text) Trimmed(string original, TextChange change)
    {
        var old = original.AsSpan(change.Span.Start, change.Span.Length);
        var text = change.NewText ?? string.Empty;
        var prefix = old.CommonPrefixLength(text);
        var suffix = 0;
        while (suffix < Math.Min(old.Length, text.Length) - prefix && old[^(suffix + 1)] == text[^(suffix + 1)])
        {
            suffix++;
        }

        return (change.Span.Start + prefix, change.Span.End - suffix, text[prefix..(text.Length - suffix)]);
    }

    // In UTF-8 and single-byte code pages an ASCII byte is always a character of its own, so text splits at ASCII bytes.
    private static bool IsAsciiCompatible(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage || encoding.IsSingleByte;

    /// <summary>
    /// A file's bytes cut at every ASCII byte: each ASCII byte is one segment, each run of other bytes another, decoded on
    /// its own (an invalid sequence never reaches past an ASCII byte).
    /// </summary>
    private sealed record Segments(int[] ByteOffsets, int[] CharOffsets, string Text)
    {
        public static Segments? Of(ReadOnlySpan<byte> bytes, Encoding encoding)
        {
            var byteOffsets = new List<int> { 0 };
            var charOffsets = new List<int> { 0 };
            var text = new StringBuilder(bytes.Length);
            for (var start = 0; start < bytes.Length;)
            {
                var end = start + 1;
                if (bytes[start] >= 0x80)
                {
                    while (end < bytes.Length && bytes[end] >= 0x80)
                    {
                        end++;
                    }
                }

                text.Append(encoding.GetString(bytes[start..end]));
                byteOffsets.Add(end);
                charOffsets.Add(text.Length);
                start = end;
            }

            return new Segments([.. byteOffsets], [.. charOffsets], text.ToString());
        }

        /// <summary>The segment boundaries around the characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
        public (int First, int Last) Covering(int start, int end)
        {
            var found = Array.BinarySearch(CharOffsets, start);
            var first = found >= 0 ? LastAt(found) : ~found - 1;
            var last = first;
            while (CharOffsets[last] < end)
            {
                last++;
            }

            return (first, last);
        }

        // Offsets repeat where a segment decodes to no character; take the last boundary at that offset.
        private int LastAt(int index)
        {
            while (index + 1 < CharOffsets.Length && CharOffsets[index + 1] == CharOffsets[index])
            {
                index++;
            }

            return index;
        }
    }
}
