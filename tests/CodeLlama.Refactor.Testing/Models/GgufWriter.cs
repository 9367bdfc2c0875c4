using System.Runtime.InteropServices;
using System.Text;

namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// Writes a GGUF v3 file: metadata key/values, then F32 (or random Q4_0) tensors aligned to 32 bytes. Enough of the format
/// for the llama-architecture models the tests and benchmarks build; llama.cpp loads them like any downloaded model.
/// </summary>
public sealed class GgufWriter
{
    private const int Alignment = 32;
    private readonly List<(string Key, Action<BinaryWriter> Write)> metadata = [];
    private const uint F32 = 0;
    private const uint Q4_0 = 2;

    // Q4_0 as ggml lays it out: per 32 values one f16 scale and 16 bytes of 4-bit values.
    private const int Q4_0BlockValues = 32;
    private const int Q4_0BlockBytes = 18;

    private readonly List<(string Name, long[] Shape, uint Type, long Bytes, Action<BinaryWriter> Write)> tensors = [];

    private enum ValueType : uint
    {
        UInt32 = 4,
        Int32 = 5,
        Float32 = 6,
        Bool = 7,
        String = 8,
        Array = 9,
    }

    /// <summary>Adds an unsigned 32-bit value (lengths and counts must be this type).</summary>
    public GgufWriter UInt32(string key, uint value) => Add(key, writer => { Type(writer, ValueType.UInt32); writer.Write(value); });

    /// <summary>Adds a 32-bit float value.</summary>
    public GgufWriter Float32(string key, float value) => Add(key, writer => { Type(writer, ValueType.Float32); writer.Write(value); });

    /// <summary>Adds a boolean value.</summary>
    public GgufWriter Bool(string key, bool value) => Add(key, writer => { Type(writer, ValueType.Bool); writer.Write(value); });

    /// <summary>Adds a string value.</summary>
    public GgufWriter String(string key, string value) => Add(key, writer => { Type(writer, ValueType.String); Text(writer, value); });

    /// <summary>Adds an array of strings.</summary>
    public GgufWriter Strings(string key, IReadOnlyList<string> values) => Add(key, writer =>
    {
        ArrayHeader(writer, ValueType.String, values.Count);
        foreach (var value in values)
        {
            Text(writer, value);
        }
    });

    /// <summary>Adds an array of floats.</summary>
    public GgufWriter Floats(string key, IReadOnlyList<float> values) => Add(key, writer =>
    {
        ArrayHeader(writer, ValueType.Float32, values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    });

    /// <summary>Adds an array of signed 32-bit integers.</summary>
    public GgufWriter Ints(string key, IReadOnlyList<int> values) => Add(key, writer =>
    {
        ArrayHeader(writer, ValueType.Int32, values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    });

    /// <summary>Adds an F32 tensor; <paramref name="shape"/> lists the innermost dimension first, as ggml does.</summary>
    public GgufWriter Tensor(string name, long[] shape, Func<float[]> data)
    {
        tensors.Add((name, shape, F32, ElementCount(shape) * sizeof(float), writer =>
        {
            var values = data();
            if (values.LongLength != ElementCount(shape))
            {
                throw new InvalidOperationException($"Tensor {name} has {values.LongLength} values for shape [{string.Join(", ", shape)}].");
            }

            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }));
        return this;
    }

    /// <summary>
    /// Adds a Q4_0 tensor of random values in about ±0.08, for benchmark models of a real model's size, which would not fit
    /// as F32 (a 7B-shaped model is 3.8 GB this way); the innermost dimension must be a multiple of 32.
    /// </summary>
    public GgufWriter RandomQ4_0Tensor(string name, long[] shape, int seed)
    {
        if (shape[0] % Q4_0BlockValues != 0)
        {
            throw new ArgumentException($"Tensor {name}: Q4_0 rows must hold a multiple of {Q4_0BlockValues} values, not {shape[0]}.", nameof(shape));
        }

        var bytes = ElementCount(shape) / Q4_0BlockValues * Q4_0BlockBytes;
        tensors.Add((name, shape, Q4_0, bytes, writer => WriteRandomBlocks(writer, bytes, seed)));
        return this;
    }

    /// <summary>Writes the file.</summary>
    public void WriteTo(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write((ulong)tensors.Count);
        writer.Write((ulong)metadata.Count);
        foreach (var (key, write) in metadata)
        {
            Text(writer, key);
            write(writer);
        }

        long offset = 0;
        foreach (var (name, shape, type, bytes, _) in tensors)
        {
            Text(writer, name);
            writer.Write((uint)shape.Length);
            foreach (var dimension in shape)
            {
                writer.Write((ulong)dimension);
            }

            writer.Write(type);
            writer.Write((ulong)offset);
            offset = Align(offset + bytes);
        }

        Pad(writer);
        var start = stream.Position;
        foreach (var (_, _, _, _, write) in tensors)
        {
            write(writer);
            while ((stream.Position - start) % Alignment != 0)
            {
                writer.Write((byte)0);
            }
        }
    }

    // Blocks with one scale (0.01) and random 4-bit values: a buffer of them written over and over, from a random place,
    // so that gigabytes are written at disk speed.
    private static void WriteRandomBlocks(BinaryWriter writer, long bytes, int seed)
    {
        const int Blocks = 1 << 16;
        var random = new Random(seed);
        var buffer = new byte[Blocks * Q4_0BlockBytes];
        random.NextBytes(buffer);
        var scale = BitConverter.HalfToUInt16Bits((Half)0.01f);
        for (var block = 0; block < Blocks; block++)
        {
            buffer[block * Q4_0BlockBytes] = (byte)scale;
            buffer[(block * Q4_0BlockBytes) + 1] = (byte)(scale >> 8);
        }

        while (bytes > 0)
        {
            var start = random.Next(Blocks) * Q4_0BlockBytes;
            var count = (int)Math.Min(bytes, buffer.Length - start);
            writer.Write(buffer, start, count);
            bytes -= count;
        }
    }

    private static long ElementCount(long[] shape) => shape.Aggregate(1L, (product, dimension) => product * dimension);

    private static long Align(long value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer)
    {
        while (writer.BaseStream.Position % Alignment != 0)
        {
            writer.Write((byte)0);
        }
    }

    private static void Type(BinaryWriter writer, ValueType type) => writer.Write((uint)type);

    private static void ArrayHeader(BinaryWriter writer, ValueType elementType, int count)
    {
        Type(writer, ValueType.Array);
        writer.Write((uint)elementType);
        writer.Write((ulong)count);
    }

    private static void Text(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private GgufWriter Add(string key, Action<BinaryWriter> write)
    {
        metadata.Add((key, write));
        return this;
    }
}
