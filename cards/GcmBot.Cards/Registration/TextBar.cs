namespace GcmBot.Cards.Registration;

/// <summary>A share drawn as a bar of block characters, readable at a glance in any Teams client.</summary>
public static class TextBar
{
    public const int Width = 10;

    public static string Of(int count, int total)
    {
        var filled = total <= 0 ? 0 : (int)Math.Round((double)count / total * Width, MidpointRounding.AwayFromZero);
        if (count > 0 && filled == 0)
        {
            // A single voice must not look like none.
            filled = 1;
        }

        return new string('█', filled) + new string('░', Width - filled);
    }

    public static string Percent(int count, int total) =>
        total <= 0 ? "0%" : ((double)count / total).ToString("0%", System.Globalization.CultureInfo.InvariantCulture);
}
