using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GcmBot.Manifest.Icons;
using GcmBot.Manifest.Packaging;

namespace GcmBot.Bot.Tests.Manifest;

public sealed class IconTests
{
    [Fact]
    public void ColorIcon_Committed_Is192SquareFullColour()
    {
        var icon = PngImage.Decode(AppPackage.ColorIconFile());

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(PngColorType.Truecolor, icon.ColorType);
        Assert.True(icon.Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Count() > 3, "The colour icon should be a picture, not a flat square.");
    }

    [Fact]
    public void OutlineIcon_Committed_Is32SquareWhiteOnTransparent()
    {
        var icon = PngImage.Decode(AppPackage.OutlineIconFile());

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(PngColorType.TruecolorAlpha, icon.ColorType);
        var pixels = icon.Pixels().ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
        // Teams shows the outline icon on its own backgrounds: the edge rows and columns are left clear.
        Assert.All(Enumerable.Range(0, 32), i => Assert.Equal(0, icon[i, 0].A + icon[0, i].A + icon[i, 31].A + icon[31, i].A));
    }

    [Fact]
    public void Icons_Committed_AreTheProjectsOwnDrawing()
    {
        Assert.Equal(GcmIcon.Color().Rgba, PngImage.Decode(AppPackage.ColorIconFile()).Rgba);
        Assert.Equal(GcmIcon.Outline().Rgba, PngImage.Decode(AppPackage.OutlineIconFile()).Rgba);
    }

    [Fact]
    public void IconRules_CommittedIcons_NoProblems()
    {
        Assert.Empty(IconRules.CheckColor(PngImage.Decode(AppPackage.ColorIconFile())));
        Assert.Empty(IconRules.CheckOutline(PngImage.Decode(AppPackage.OutlineIconFile())));
    }

    [Fact]
    public void CheckOutline_ColouredPixel_Reported()
    {
        var outline = GcmIcon.Outline();
        var rgba = (byte[])outline.Rgba.Clone();
        (rgba[0], rgba[1], rgba[2], rgba[3]) = ((byte)255, (byte)0, (byte)0, (byte)255);

        var problems = IconRules.CheckOutline(new PngImage(32, 32, PngColorType.TruecolorAlpha, rgba));

        Assert.Contains(problems, p => p.Contains("1 pixels that are neither white nor transparent"));
    }

    [Fact]
    public void CheckOutline_NoAlphaChannel_Reported()
    {
        var opaque = new IconCanvas(32, new Rgb(0, 0, 0)).Fill(Rgb.White, new Ring(0.5, 0.5, 0.3, 0.1)).ToImage(PngColorType.Truecolor);

        var problems = IconRules.CheckOutline(opaque);

        Assert.Contains(problems, p => p.Contains("no alpha channel"));
        Assert.Contains(problems, p => p.Contains("no transparent pixels"));
    }

    [Fact]
    public void CheckColor_WrongSize_Reported()
    {
        var small = new IconCanvas(96, new Rgb(10, 90, 120)).ToImage(PngColorType.Truecolor);

        Assert.Contains(IconRules.CheckColor(small), p => p.Contains("96×96") && p.Contains("192×192"));
    }

    [Fact]
    public void EncodeThenDecode_KeepsEveryPixel()
    {
        var outline = GcmIcon.Outline();

        var decoded = PngImage.Decode(outline.Encode());

        Assert.Equal(outline.Rgba, decoded.Rgba);
        Assert.Equal(outline.ColorType, decoded.ColorType);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decode_RowFilterUsedByOtherTools_ReadsTheSamePixels(byte filter)
    {
        // Image editors filter rows (Sub, Up, Average, Paeth); a designer's replacement icon must read correctly.
        var outline = GcmIcon.Outline();

        var decoded = PngImage.Decode(EncodeWithFilter(outline, filter));

        Assert.Equal(outline.Rgba, decoded.Rgba);
    }

    [Fact]
    public void Decode_DamagedFile_Throws()
    {
        var png = GcmIcon.Outline().Encode();
        png[40] ^= 0xFF;

        Assert.Throws<InvalidDataException>(() => PngImage.Decode(png));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(31)]
    public void Decode_HeaderSizeDisagreesWithImageData_Throws(int declaredHeight)
    {
        var png = EncodeWithFilter(GcmIcon.Outline(), filter: 0, declaredHeight);

        Assert.Throws<InvalidDataException>(() => PngImage.Decode(png));
    }

    [Fact]
    public void Decode_NotAPng_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Decode("GIF89a not a png"u8));
    }

    /// <summary>An RGBA PNG whose every row uses one filter type, as the PNG specification defines them.</summary>
    private static byte[] EncodeWithFilter(PngImage image, byte filter, int? declaredHeight = null)
    {
        const int bpp = 4;
        var stride = image.Width * bpp;
        var raw = new List<byte>();
        var previous = new byte[stride];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Rgba.AsSpan(y * stride, stride).ToArray();
            raw.Add(filter);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    _ => PngImage.Paeth(left, up, upLeft),
                };
                raw.Add((byte)(row[i] - predictor));
            }

            previous = row;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), declaredHeight ?? image.Height);
        header[8] = 8;
        header[9] = (byte)PngColorType.TruecolorAlpha;

        using var file = new MemoryStream();
        file.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", compressed.ToArray());
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] body)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, body.Length);
        file.Write(number);
        file.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, PngImage.Crc32.Compute(typeAndData));
        file.Write(number);
    }
}
