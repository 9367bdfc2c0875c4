using System.Text;

namespace CodeLlama.Refactor.LLama.Gguf;

/// <summary>
/// The metadata and tensor table of a GGUF file, read without loading any weights, so that a file that is not a model,
/// or is cut short, is refused with a clear message before llama.cpp sees it.
/// </summary>
internal sealed class GgufHeader
{
    private const uint DefaultAlignment = 32;

    private GgufHeader(IReadOnlyDictionary<string, object> metadata, IReadOnlyList<GgufTensor> tensors, long dataStart)
    {
        Metadata = metadata;
        Tensors = tensors;
        DataStart = dataStart;
    }

    /// <summary>Scalar values and string arrays by key (other arrays are skipped and recorded by length).</summary>
    public IReadOnlyDictionary<string, object> Metadata { get; }

    /// <summary>The tensors the file declares.</summary>
    public IReadOnlyList<GgufTensor> Tensors { get; }

    /// <summary>Where tensor data starts.</summary>
    public long DataStart { get; }

    /// <summary>general.architecture, or null.</summary>
    public string? Architecture => Metadata.GetValueOrDefault("general.architecture") as string;

    /// <summary>The vocabulary's token texts, or an empty list.</summary>
    public IReadOnlyList<string> Tokens => Metadata.GetValueOrDefault("tokenizer.ggml.tokens") as IReadOnlyList<string> ?? [];

    /// <summary>Reads a number-valued key as a long.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Its value, or null when absent or not a number.</returns>
    public long? Integer(string key) => Metadata.GetValueOrDefault(key) switch
    {
        byte value => value,
        sbyte value => value,
        ushort value => value,
        short value => value,
        uint value => value,
        int value => value,
        ulong value => (long)value,
        long value => value,
        _ => null,
    };

    /// <summary>Reads the header of <paramref name="path"/>.</summary>
    /// <param name="path">A model file.</param>
    /// <returns>The header.</returns>
    /// <exception cref="GgufFormatException">The file is not GGUF, or is cut short or malformed.</exception>
    public static GgufHeader Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (stream.Length < 4 || !reader.ReadBytes(4).AsSpan().SequenceEqual("GGUF"u8))
            {
                throw new GgufFormatException("it is not a GGUF model file (it does not start with the GGUF magic)");
            }

            var version = reader.ReadUInt32();
            if (version is < 2 or > 3)
            {
                throw new GgufFormatException($"it is GGUF version {version}; versions 2 and 3 are supported");
            }

            var tensorCount = Count(reader.ReadUInt64(), stream);
            var metadataCount = Count(reader.ReadUInt64(), stream);
            var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
            for (long index = 0; index < metadataCount; index++)
            {
                var key = ReadString(reader);
                metadata[key] = ReadValue(reader, reader.ReadUInt32());
            }

            var tensors = new List<GgufTensor>();
            for (long index = 0; index < tensorCount; index++)
            {
                var name = ReadString(reader);
                var dimensions = reader.ReadUInt32();
                if (dimensions > 8)
                {
                    throw new GgufFormatException($"tensor '{name}' claims {dimensions} dimensions");
                }

                var shape = Enumerable.Range(0, (int)dimensions).Select(_ => reader.ReadUInt64()).ToArray();
                tensors.Add(new GgufTensor(name, shape, reader.ReadUInt32(), reader.ReadUInt64()));
            }

            var alignment = metadata.GetValueOrDefault("general.alignment") as uint? ?? DefaultAlignment;
            var dataStart = (stream.Position + alignment - 1) / alignment * alignment;
            return new GgufHeader(metadata, tensors, dataStart);
        }
        catch (EndOfStreamException)
        {
            throw new GgufFormatException("it is truncated: the file ends inside its header");
        }
    }

    /// <summary>The first tensor whose data lies past the end of the file, if any.</summary>
    /// <param name="fileLength">The file's length in bytes.</param>
    /// <returns>The tensor and where its data would end, or null when every tensor fits.</returns>
    public (GgufTensor Tensor, long End)? FirstTensorPastEnd(long fileLength)
    {
        foreach (var tensor in Tensors)
        {
            if (tensor.ByteSize() is { } size && DataStart + (long)tensor.Offset + size > fileLength)
            {
                return (tensor, DataStart + (long)tensor.Offset + size);
            }
        }

        return null;
    }

    private static long Count(ulong value, Stream stream) =>
        value > (ulong)stream.Length ? throw new GgufFormatException($"it is truncated or corrupt: it declares {value} entries in a file of {stream.Length} bytes") : (long)value;

    private static string ReadString(BinaryReader reader)
    {
        var length = reader.ReadUInt64();
        if (length > (ulong)(reader.BaseStream.Length - reader.BaseStream.Position))
        {
            throw new EndOfStreamException();
        }

        return Encoding.UTF8.GetString(reader.ReadBytes((int)length));
    }

    private static object ReadValue(BinaryReader reader, uint type) => type switch
    {
        0 => reader.ReadByte(),
        1 => reader.ReadSByte(),
        2 => reader.ReadUInt16(),
        3 => reader.ReadInt16(),
        4 => reader.ReadUInt32(),
        5 => reader.ReadInt32(),
        6 => reader.ReadSingle(),
        7 => reader.ReadBoolean(),
        8 => ReadString(reader),
        9 => ReadArray(reader),
        10 => reader.ReadUInt64(),
        11 => reader.ReadInt64(),
        12 => reader.ReadDouble(),
        _ => throw new GgufFormatException($"it holds a metadata value of unknown type {type}"),
    };

    private static object ReadArray(BinaryReader reader)
    {
        var elementType = reader.ReadUInt32();
        var count = Count(reader.ReadUInt64(), reader.BaseStream);
        if (elementType == 8)
        {
            var strings = new string[count];
            for (long index = 0; index < count; index++)
            {
                strings[index] = ReadString(reader);
            }

            return strings;
        }

        // Scores and token types, which a test vocabulary is built from; other arrays are skipped, their count kept.
        if (elementType is 5 or 6)
        {
            var values = elementType == 5 ? (Array)new int[count] : new float[count];
            for (long index = 0; index < count; index++)
            {
                values.SetValue(ReadValue(reader, elementType), index);
            }

            return values;
        }

        for (long index = 0; index < count; index++)
        {
            ReadValue(reader, elementType);
        }

        return count;
    }
}

/// <summary>One tensor's entry in the table.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Shape">Its dimensions, innermost first.</param>
/// <param name="Type">Its ggml type.</param>
/// <param name="Offset">Where its data starts, relative to the data section.</param>
internal sealed record GgufTensor(string Name, ulong[] Shape, uint Type, ulong Offset)
{
    // ggml types: (elements per block, bytes per block). Types missing here are not size-checked.
    private static readonly Dictionary<uint, (int Block, int Bytes)> Layouts = new()
    {
        [0] = (1, 4), [1] = (1, 2), [2] = (32, 18), [3] = (32, 20), [6] = (32, 22), [7] = (32, 24), [8] = (32, 34),
        [9] = (32, 36), [10] = (256, 84), [11] = (256, 110), [12] = (256, 144), [13] = (256, 176), [14] = (256, 210),
        [15] = (256, 292), [16] = (256, 66), [17] = (256, 74), [18] = (256, 98), [19] = (256, 50), [20] = (32, 18),
        [21] = (256, 110), [22] = (256, 82), [23] = (256, 136), [24] = (1, 1), [25] = (1, 2), [26] = (1, 4),
        [27] = (1, 8), [28] = (1, 8), [29] = (256, 56), [30] = (1, 2),
    };

    /// <summary>The size of its data in bytes, when its type is known.</summary>
    /// <returns>The size, or null.</returns>
    public long? ByteSize()
    {
        if (!Layouts.TryGetValue(Type, out var layout) || Shape.Length == 0)
        {
            return null;
        }

        var rows = Shape.Skip(1).Aggregate(1UL, (product, dimension) => product * dimension);
        return (long)(Shape[0] / (ulong)layout.Block * (ulong)layout.Bytes * rows);
    }
}

/// <summary>A file that cannot be read as GGUF; the message completes "The model file … cannot be used: …".</summary>
/// <param name="reason">What is wrong.</param>
internal sealed class GgufFormatException(string reason) : Exception(reason);
