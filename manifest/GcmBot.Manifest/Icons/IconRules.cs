namespace GcmBot.Manifest.Icons;

/// <summary>What Teams asks of the two icons in an app package, checked before a package is written.</summary>
public static class IconRules
{
    /// <summary>The problems of a colour icon: 192×192, full colour (a solid or transparent background both do).</summary>
    public static IReadOnlyList<string> CheckColor(PngImage icon)
    {
        var problems = new List<string>();
        if (icon.Width != GcmIcon.ColorSize || icon.Height != GcmIcon.ColorSize)
        {
            problems.Add($"The colour icon is {icon.Width}×{icon.Height}; Teams needs {GcmIcon.ColorSize}×{GcmIcon.ColorSize}.");
        }

        if (icon.ColorType is not (PngColorType.Truecolor or PngColorType.TruecolorAlpha))
        {
            problems.Add($"The colour icon is stored as {icon.ColorType}; use a full-colour PNG.");
        }

        return problems;
    }

    /// <summary>The problems of an outline icon: 32×32, with an alpha channel, only white or transparent pixels.</summary>
    public static IReadOnlyList<string> CheckOutline(PngImage icon)
    {
        var problems = new List<string>();
        if (icon.Width != GcmIcon.OutlineSize || icon.Height != GcmIcon.OutlineSize)
        {
            problems.Add($"The outline icon is {icon.Width}×{icon.Height}; Teams needs {GcmIcon.OutlineSize}×{GcmIcon.OutlineSize}.");
        }

        if (!icon.HasAlphaChannel)
        {
            problems.Add("The outline icon has no alpha channel; Teams needs a transparent background.");
        }

        var pixels = icon.Pixels().ToList();
        var coloured = pixels.Count(p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));
        if (coloured > 0)
        {
            problems.Add($"The outline icon has {coloured} pixels that are neither white nor transparent.");
        }

        if (pixels.All(p => p.A > 0))
        {
            problems.Add("The outline icon has no transparent pixels.");
        }

        if (pixels.All(p => p.A == 0))
        {
            problems.Add("The outline icon is empty (every pixel is transparent).");
        }

        return problems;
    }
}
