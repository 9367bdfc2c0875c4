using System.Buffers.Binary;
using System.IO.Compression;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>
/// The pixels of a PNG file as a browser's screenshot writes it (8-bit RGB or RGBA, not interlaced): enough to tell a
/// rendered page from a blank one without an image library.
/// </summary>
internal sealed class PngPixels
{
    private readonly byte[] pixels;
    private readonly int channels;

    private PngPixels(int width, int height, int channels, byte[] pixels) =>
        (Width, Height, this.channels, this.pixels) = (width, height, channels, pixels);

    public int Width { get; }

    public int Height { get; }

    public static PngPixels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (width, height, colourType) = (0, 0, 0);
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                (width, height, colourType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[9]);
                if (data[8] != 8 || data[12] != 0 || colourType is not (2 or 6))
                {
                    throw new NotSupportedException($"PNG of bit depth {data[8]}, colour type {colourType}, interlace {data[12]}.");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        var channels = colourType == 6 ? 4 : 3;
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngPixels(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>The pixel's red, green and blue.</summary>
    public (byte R, byte G, byte B) At(int x, int y)
    {
        var index = ((y * Width) + x) * channels;
        return (pixels[index], pixels[index + 1], pixels[index + 2]);
    }

    /// <summary>How many pixels are within <paramref name="tolerance"/> of the colour in every channel.</summary>
    public int Count((byte R, byte G, byte B) colour, int tolerance = 8)
    {
        var count = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = At(x, y);
                if (Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(b - colour.B) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    // PNG's per-row filters (none, sub, up, average, Paeth), undone in place row by row.
    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var output = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var raw = data[(y * (stride + 1)) + 1 + x];
                var left = x >= channels ? output[(y * stride) + x - channels] : 0;
                var up = y > 0 ? output[((y - 1) * stride) + x] : 0;
                var upLeft = x >= channels && y > 0 ? output[((y - 1) * stride) + x - channels] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new NotSupportedException($"PNG filter {filter}."),
                };
                output[(y * stride) + x] = (byte)(raw + predicted);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
