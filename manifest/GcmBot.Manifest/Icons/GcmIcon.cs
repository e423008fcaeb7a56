namespace GcmBot.Manifest.Icons;

/// <summary>
/// GcmBot's icon: a globe with two arrows travelling round it, for migration and for the two-way exchange between
/// stakeholders and the regional review. Drawn from shapes (no text, no borrowed artwork) so the project owns it.
/// </summary>
public static class GcmIcon
{
    /// <summary>Teams' sizes: the colour icon is 192×192, the outline icon 32×32.</summary>
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The background of the colour icon; the manifest's accentColor matches it.</summary>
    public const string Background = "#0E5A78";

    private static readonly Rgb Orange = Rgb.Parse("#F5A623");
    private static readonly Rgb Aqua = Rgb.Parse("#8FD8EE");

    /// <summary>The full-colour icon: opaque, on the accent colour (Teams rounds the corners itself).</summary>
    public static PngImage Color()
    {
        // The symbol keeps to the middle ~120 pixels, with padding all round, as Teams' icon guidance asks.
        var style = new Style(GlobeRadius: 0.16, GlobeStroke: 0.034, DetailStroke: 0.024, ArrowRadius: 0.255, ArrowStroke: 0.04, Head: 0.05);
        var canvas = new IconCanvas(ColorSize, Rgb.Parse(Background));
        canvas.Fill(Rgb.White, Globe(style));
        canvas.Fill(Orange, Arrow(style, fromDegrees: 200, toDegrees: 320));
        canvas.Fill(Aqua, Arrow(style, fromDegrees: 20, toDegrees: 140));
        return canvas.ToImage(PngColorType.Truecolor);
    }

    /// <summary>The outline icon: white on transparent, strokes at least two pixels wide at 32×32.</summary>
    public static PngImage Outline()
    {
        var style = new Style(GlobeRadius: 0.2, GlobeStroke: 0.075, DetailStroke: 0.06, ArrowRadius: 0.37, ArrowStroke: 0.075, Head: 0.11);
        var canvas = new IconCanvas(OutlineSize);
        canvas.Fill(Rgb.White, [.. Globe(style, withMeridian: false), .. Arrow(style, 205, 315), .. Arrow(style, 25, 135)]);
        return canvas.ToImage(PngColorType.TruecolorAlpha);
    }

    private sealed record Style(double GlobeRadius, double GlobeStroke, double DetailStroke, double ArrowRadius, double ArrowStroke, double Head);

    private static Shape[] Globe(Style s, bool withMeridian = true)
    {
        var shapes = new List<Shape>
        {
            new Ring(0.5, 0.5, s.GlobeRadius, s.GlobeStroke),
            new Capsule(0.5 - s.GlobeRadius, 0.5, 0.5 + s.GlobeRadius, 0.5, s.DetailStroke),
        };
        shapes.Add(withMeridian
            ? new EllipseRing(0.5, 0.5, s.GlobeRadius * 0.45, s.GlobeRadius, s.DetailStroke)
            : new Capsule(0.5, 0.5 - s.GlobeRadius, 0.5, 0.5 + s.GlobeRadius, s.DetailStroke));
        return [.. shapes];
    }

    /// <summary>An arc round the globe, clockwise, ending in an arrowhead.</summary>
    private static Shape[] Arrow(Style s, double fromDegrees, double toDegrees)
    {
        var arc = new Arc(0.5, 0.5, s.ArrowRadius, s.ArrowStroke, fromDegrees, toDegrees);
        // The head's base sits across the arc's end; its tip points on along the circle.
        var tipDegrees = toDegrees + (s.Head / s.ArrowRadius * 180 / Math.PI * 1.3);
        var head = new Triangle(
            arc.PointAt(toDegrees, s.ArrowRadius + s.Head),
            arc.PointAt(toDegrees, s.ArrowRadius - s.Head),
            arc.PointAt(tipDegrees, s.ArrowRadius));
        return [arc, head];
    }
}
