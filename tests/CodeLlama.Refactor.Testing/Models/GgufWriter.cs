using System.Runtime.InteropServices;
using System.Text;

namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// Writes a GGUF v3 file: metadata key/values, then F32 tensors aligned to 32 bytes. Enough of the format for the
/// llama-architecture models the tests and benchmarks build; llama.cpp loads them like any downloaded model.
/// </summary>
public sealed class GgufWriter
{
    private const int Alignment = 32;
    private readonly List<(string Key, Action<BinaryWriter> Write)> metadata = [];
    private readonly List<(string Name, long[] Shape, Func<float[]> Data)> tensors = [];

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
        tensors.Add((name, shape, data));
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
        foreach (var (name, shape, _) in tensors)
        {
            Text(writer, name);
            writer.Write((uint)shape.Length);
            foreach (var dimension in shape)
            {
                writer.Write((ulong)dimension);
            }

            writer.Write(0u); // GGML_TYPE_F32
            writer.Write((ulong)offset);
            offset = Align(offset + (ElementCount(shape) * sizeof(float)));
        }

        Pad(writer);
        var start = stream.Position;
        foreach (var (name, shape, data) in tensors)
        {
            var values = data();
            if (values.LongLength != ElementCount(shape))
            {
                throw new InvalidOperationException($"Tensor {name} has {values.LongLength} values for shape [{string.Join(", ", shape)}].");
            }

            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            while ((stream.Position - start) % Alignment != 0)
            {
                writer.Write((byte)0);
            }
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
