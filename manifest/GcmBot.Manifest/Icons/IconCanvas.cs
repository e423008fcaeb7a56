namespace GcmBot.Manifest.Icons;

/// <summary>An sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb White = new(255, 255, 255);

    /// <summary>Parses "#RRGGBB".</summary>
    public static Rgb Parse(string hex) =>
        hex is ['#', _, _, _, _, _, _]
            ? new Rgb(Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16))
            : throw new FormatException($"'{hex}' is not a #RRGGBB colour.");
}

/// <summary>A shape in unit coordinates: (0, 0) is the top-left corner of the icon, (1, 1) the bottom-right.</summary>
public abstract record Shape
{
    public abstract bool Contains(double x, double y);

    /// <summary>The angle of (x, y) around (cx, cy) in degrees 0–360, clockwise from 3 o'clock (y points down).</summary>
    protected static double AngleOf(double x, double y, double cx, double cy)
    {
        var degrees = Math.Atan2(y - cy, x - cx) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }
}

/// <summary>A circle's outline.</summary>
public sealed record Ring(double Cx, double Cy, double Radius, double Width) : Shape
{
    public override bool Contains(double x, double y) =>
        Math.Abs(Math.Sqrt(((x - Cx) * (x - Cx)) + ((y - Cy) * (y - Cy))) - Radius) <= Width / 2;
}

/// <summary>An ellipse's outline (the distance is approximate, which is fine at icon sizes).</summary>
public sealed record EllipseRing(double Cx, double Cy, double RadiusX, double RadiusY, double Width) : Shape
{
    public override bool Contains(double x, double y)
    {
        var nx = (x - Cx) / RadiusX;
        var ny = (y - Cy) / RadiusY;
        var r = Math.Sqrt((nx * nx) + (ny * ny));
        if (r == 0)
        {
            return false;
        }

        // Scale the radial error back to icon units along this direction.
        var px = nx / r * RadiusX;
        var py = ny / r * RadiusY;
        return Math.Abs(r - 1) * Math.Sqrt((px * px) + (py * py)) <= Width / 2;
    }
}

/// <summary>Part of a circle's outline, from one angle clockwise to another (degrees, clockwise from 3 o'clock).</summary>
public sealed record Arc(double Cx, double Cy, double Radius, double Width, double FromDegrees, double ToDegrees) : Shape
{
    public override bool Contains(double x, double y)
    {
        if (Math.Abs(Math.Sqrt(((x - Cx) * (x - Cx)) + ((y - Cy) * (y - Cy))) - Radius) > Width / 2)
        {
            return false;
        }

        var angle = AngleOf(x, y, Cx, Cy);
        var span = ((ToDegrees - FromDegrees) % 360 + 360) % 360;
        var offset = ((angle - FromDegrees) % 360 + 360) % 360;
        return offset <= span;
    }

    /// <summary>The point on the arc's centre line at an angle.</summary>
    public (double X, double Y) PointAt(double degrees, double radius)
    {
        var radians = degrees * Math.PI / 180;
        return (Cx + (radius * Math.Cos(radians)), Cy + (radius * Math.Sin(radians)));
    }
}

/// <summary>A straight stroke with round ends.</summary>
public sealed record Capsule(double X1, double Y1, double X2, double Y2, double Width) : Shape
{
    public override bool Contains(double x, double y)
    {
        var dx = X2 - X1;
        var dy = Y2 - Y1;
        var t = Math.Clamp((((x - X1) * dx) + ((y - Y1) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        var ex = x - (X1 + (t * dx));
        var ey = y - (Y1 + (t * dy));
        return Math.Sqrt((ex * ex) + (ey * ey)) <= Width / 2;
    }
}

/// <summary>A filled triangle.</summary>
public sealed record Triangle((double X, double Y) A, (double X, double Y) B, (double X, double Y) C) : Shape
{
    public override bool Contains(double x, double y)
    {
        var d1 = Side(x, y, A, B);
        var d2 = Side(x, y, B, C);
        var d3 = Side(x, y, C, A);
        var hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
        var hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNegative && hasPositive);
    }

    private static double Side(double x, double y, (double X, double Y) p, (double X, double Y) q) =>
        ((x - q.X) * (p.Y - q.Y)) - ((p.X - q.X) * (y - q.Y));
}

/// <summary>
/// A square canvas that paints shapes with anti-aliased edges (each pixel is sampled on a 4×4 grid) and composites
/// them "source over" the way any image editor does.
/// </summary>
public sealed class IconCanvas
{
    private const int Samples = 4;

    // Premultiplied RGBA in 0..1, so that compositing partial coverage stays exact.
    private readonly double[] _pixels;

    public IconCanvas(int size, Rgb? background = null)
    {
        Size = size;
        _pixels = new double[size * size * 4];
        if (background is { } colour)
        {
            for (var i = 0; i < _pixels.Length; i += 4)
            {
                (_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]) = (colour.R / 255.0, colour.G / 255.0, colour.B / 255.0, 1);
            }
        }
    }

    public int Size { get; }

    public IconCanvas Fill(Rgb colour, params Shape[] shapes)
    {
        for (var py = 0; py < Size; py++)
        {
            for (var px = 0; px < Size; px++)
            {
                var hits = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var x = (px + ((sx + 0.5) / Samples)) / Size;
                        var y = (py + ((sy + 0.5) / Samples)) / Size;
                        if (shapes.Any(s => s.Contains(x, y)))
                        {
                            hits++;
                        }
                    }
                }

                if (hits == 0)
                {
                    continue;
                }

                var coverage = hits / (double)(Samples * Samples);
                var i = ((py * Size) + px) * 4;
                _pixels[i] = (colour.R / 255.0 * coverage) + (_pixels[i] * (1 - coverage));
                _pixels[i + 1] = (colour.G / 255.0 * coverage) + (_pixels[i + 1] * (1 - coverage));
                _pixels[i + 2] = (colour.B / 255.0 * coverage) + (_pixels[i + 2] * (1 - coverage));
                _pixels[i + 3] = coverage + (_pixels[i + 3] * (1 - coverage));
            }
        }

        return this;
    }

    /// <summary>The picture as an image to store with or without an alpha channel.</summary>
    public PngImage ToImage(PngColorType colorType)
    {
        var rgba = new byte[Size * Size * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            var alpha = _pixels[i + 3];
            if (alpha <= 0)
            {
                continue; // fully transparent: stored as (0, 0, 0, 0)
            }

            // Un-premultiply; an image without alpha must be opaque, which a background guarantees.
            rgba[i] = ToByte(_pixels[i] / alpha);
            rgba[i + 1] = ToByte(_pixels[i + 1] / alpha);
            rgba[i + 2] = ToByte(_pixels[i + 2] / alpha);
            rgba[i + 3] = colorType == PngColorType.TruecolorAlpha ? ToByte(alpha) : (byte)255;
        }

        return new PngImage(Size, Size, colorType, rgba);
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);
}
