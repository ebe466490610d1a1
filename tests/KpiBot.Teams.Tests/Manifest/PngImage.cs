using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KpiBot.Teams.Tests.Manifest;

/// <summary>
/// Just enough of PNG to check the app icons: the signature, the IHDR size, and the pixels of an 8-bit
/// RGBA, non-interlaced image (all five row filters), as scripts/make-teams-icons.py and most editors write.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, int bitDepth, int colorType, int interlace, byte[] rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>6 = RGBA.</summary>
    public int ColorType { get; }

    public int Interlace { get; }

    public bool IsRgba8 => BitDepth == 8 && ColorType == 6 && Interlace == 0;

    public static bool HasSignature(byte[] file) => file.AsSpan().StartsWith(Signature);

    public static PngImage Read(byte[] file)
    {
        if (!HasSignature(file))
        {
            throw new InvalidDataException("Not a PNG: no signature.");
        }

        var pos = Signature.Length;
        int width = 0, height = 0, depth = 0, type = 0, interlace = 0;
        using var idat = new MemoryStream();
        while (pos + 8 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var kind = Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            if (pos == Signature.Length && kind != "IHDR")
            {
                throw new InvalidDataException("The first chunk is not IHDR.");
            }

            if (kind == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (depth, type, interlace) = (data[8], data[9], data[12]);
            }
            else if (kind == "IDAT")
            {
                idat.Write(data);
            }
            else if (kind == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        var rgba = depth == 8 && type == 6 && interlace == 0 ? Unfilter(Inflate(idat.ToArray()), width, height) : [];
        return new PngImage(width, height, depth, type, interlace, rgba);
    }

    /// <summary>(r, g, b, a) of every pixel, row by row.</summary>
    public IEnumerable<(int X, int Y, byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = ((y * Width) + x) * 4;
                yield return (x, y, _rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
            }
        }
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bpp = 4;
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? pixels[(y * stride) + x - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[((y - 1) * stride) + x - bpp] : 0;
                var value = raw[(y * (stride + 1)) + 1 + x];
                pixels[(y * stride) + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) / 2),
                    4 => value + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
