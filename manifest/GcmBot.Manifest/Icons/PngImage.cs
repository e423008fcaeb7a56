using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GcmBot.Manifest.Icons;

/// <summary>The PNG colour types this project writes and reads (8 bits per channel).</summary>
public enum PngColorType : byte
{
    Grayscale = 0,
    Truecolor = 2,
    GrayscaleAlpha = 4,
    TruecolorAlpha = 6,
}

/// <summary>
/// An 8-bit, non-interlaced PNG image held as RGBA pixels, whatever colour type it is stored with. Small on purpose:
/// enough to write the project's own icons and to check any icon someone puts in their place.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>A decoded image larger than this is refused: Teams icons are 192 pixels at most.</summary>
    private const int MaxSide = 4096;

    public PngImage(int width, int height, PngColorType colorType, byte[] rgba)
    {
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}×{height} image is outside 1–{MaxSide} pixels.");
        }

        if (rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"Expected {width * height * 4} bytes of RGBA, got {rgba.Length}.", nameof(rgba));
        }

        Width = width;
        Height = height;
        ColorType = colorType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>How the image is (or will be) stored in the file.</summary>
    public PngColorType ColorType { get; }

    /// <summary>Pixels row by row, four bytes each (red, green, blue, alpha).</summary>
    public byte[] Rgba { get; }

    public bool HasAlphaChannel => ColorType is PngColorType.TruecolorAlpha or PngColorType.GrayscaleAlpha;

    /// <summary>The pixel at (x, y) as (red, green, blue, alpha).</summary>
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    /// <summary>Every pixel, row by row.</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    /// <summary>The PNG file: truecolour (RGB) or truecolour with alpha, as <see cref="ColorType"/> says.</summary>
    public byte[] Encode()
    {
        if (ColorType is not (PngColorType.Truecolor or PngColorType.TruecolorAlpha))
        {
            throw new NotSupportedException($"Only truecolour images are written, not {ColorType}.");
        }

        var channels = ColorType == PngColorType.TruecolorAlpha ? 4 : 3;
        var raw = new byte[Height * (1 + (Width * channels))];
        var at = 0;
        for (var y = 0; y < Height; y++)
        {
            raw[at++] = 0; // filter type None: the icons are tiny, so smaller files are not worth the code
            for (var x = 0; x < Width; x++)
            {
                var i = ((y * Width) + x) * 4;
                for (var c = 0; c < channels; c++)
                {
                    raw[at++] = Rgba[i + c];
                }
            }
        }

        using var file = new MemoryStream();
        file.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = (byte)ColorType;
        // header[10..12]: deflate compression, adaptive filtering, no interlace (all zero)
        WriteChunk(file, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(file, "IDAT", compressed.ToArray());
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Reads an 8-bit, non-interlaced PNG; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file (the signature is missing).");
        }

        int width = 0, height = 0;
        PngColorType? colorType = null;
        using var data = new MemoryStream();
        var at = Signature.Length;
        var ended = false;
        while (!ended)
        {
            if (at + 12 > png.Length)
            {
                throw new InvalidDataException("The PNG file ends in the middle of a chunk.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            if (length < 0 || at + 12 + length > png.Length)
            {
                throw new InvalidDataException("A PNG chunk is longer than the file.");
            }

            var typeAndData = png.Slice(at + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var body = typeAndData[4..];
            if (BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + length)..]) != Crc32.Compute(typeAndData))
            {
                throw new InvalidDataException($"The PNG chunk {type} is damaged (CRC mismatch).");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    if (body[8] != 8 || body[12] != 0 || !Enum.IsDefined((PngColorType)body[9]))
                    {
                        throw new InvalidDataException("Only 8-bit, non-interlaced greyscale or truecolour PNGs are supported.");
                    }

                    if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide)
                    {
                        throw new InvalidDataException($"A {width}×{height} PNG is outside 1–{MaxSide} pixels.");
                    }

                    colorType = (PngColorType)body[9];
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            at += 12 + length;
        }

        if (colorType is not { } stored)
        {
            throw new InvalidDataException("The PNG file has no header chunk.");
        }

        var channels = stored switch
        {
            PngColorType.Grayscale => 1,
            PngColorType.GrayscaleAlpha => 2,
            PngColorType.Truecolor => 3,
            _ => 4,
        };
        var raw = Inflate(data.ToArray(), height * ((width * channels) + 1));
        return new PngImage(width, height, stored, Unfilter(raw, width, height, channels));
    }

    /// <summary>Inflates exactly the bytes the header promises; more or fewer means a broken (or hostile) file.</summary>
    private static byte[] Inflate(byte[] compressed, int expected)
    {
        var raw = new byte[expected];
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        try
        {
            zlib.ReadExactly(raw);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The PNG image data is shorter than its size.");
        }

        if (zlib.ReadByte() != -1)
        {
            throw new InvalidDataException("The PNG image data is longer than its size.");
        }

        return raw;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;

        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = filter switch
                {
                    0 => current[i],
                    1 => (byte)(current[i] + left),
                    2 => (byte)(current[i] + up),
                    3 => (byte)(current[i] + ((left + up) / 2)),
                    4 => (byte)(current[i] + Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter}."),
                };
            }

            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                var s = x * channels;
                (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = channels switch
                {
                    1 => (current[s], current[s], current[s], (byte)255),
                    2 => (current[s], current[s], current[s], current[s + 1]),
                    3 => (current[s], current[s + 1], current[s + 2], (byte)255),
                    _ => (current[s], current[s + 1], current[s + 2], current[s + 3]),
                };
            }

            (previous, current) = (current, previous);
        }

        return rgba;
    }

    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream file, string type, ReadOnlySpan<byte> body)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, body.Length);
        file.Write(number);
        var typeAndData = new byte[4 + body.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        body.CopyTo(typeAndData.AsSpan(4));
        file.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(typeAndData));
        file.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309), table-driven.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            return c;
        }).ToArray();

        public static uint Compute(ReadOnlySpan<byte> bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }
    }
}
