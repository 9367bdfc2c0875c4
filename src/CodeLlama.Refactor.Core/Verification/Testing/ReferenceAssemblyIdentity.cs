using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Whether two reference assemblies declare the same: byte for byte, once what identifies a build rather than the
/// declarations is set aside. A deterministic compiler derives a module's version id (MVID) from what it compiled, the
/// time stamp and checksum from that, and a strong-name signature signs it all; two compilers of one language version
/// write the same declarations with different ids. Only those bytes are left out of the comparison.
/// </summary>
internal static class ReferenceAssemblyIdentity
{
    /// <summary>True when <paramref name="first"/> and <paramref name="second"/> differ only in their build's identity.</summary>
    /// <param name="first">A reference assembly, as the compiler writes one beside the full assembly.</param>
    /// <param name="second">Another.</param>
    /// <returns>Whether their declarations are the same.</returns>
    public static bool SameDeclarations(byte[] first, byte[] second) =>
        first.Length == second.Length && Normalized(first) is { } one && Normalized(second) is { } other && one.AsSpan().SequenceEqual(other);

    // A copy with the MVID (wherever it is written: the #GUID heap, the .mvid section), the time stamp, the checksum
    // and the strong-name signature zeroed; null when the bytes are not a readable assembly.
    private static byte[]? Normalized(byte[] image)
    {
        try
        {
            var copy = (byte[])image.Clone();
            using var reader = new PEReader(new MemoryStream(image));
            var headers = reader.PEHeaders;
            if (headers.PEHeader is null || headers.CorHeader is null || !reader.HasMetadata)
            {
                return null;
            }

            var metadata = reader.GetMetadataReader();
            var mvid = metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToByteArray();
            for (var at = copy.AsSpan().IndexOf(mvid); at >= 0; at = IndexAfter(copy, mvid, at))
            {
                Array.Clear(copy, at, mvid.Length);
            }

            // COFF header: machine (2 bytes), section count (2), then the time stamp (4). Optional header: the checksum at 64.
            Array.Clear(copy, headers.CoffHeaderStartOffset + 4, 4);
            Array.Clear(copy, headers.PEHeaderStartOffset + 64, 4);
            if (headers.CorHeader is { StrongNameSignatureDirectory: { Size: > 0 } signature } && headers.TryGetDirectoryOffset(signature, out var offset))
            {
                Array.Clear(copy, offset, signature.Size);
            }

            return copy;
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int IndexAfter(byte[] bytes, byte[] value, int previous)
    {
        var next = bytes.AsSpan(previous + value.Length).IndexOf(value);
        return next < 0 ? -1 : previous + value.Length + next;
    }
}
