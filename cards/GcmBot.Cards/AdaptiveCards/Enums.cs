namespace GcmBot.Cards.AdaptiveCards;

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum ActionStyle { Default, Positive, Destructive }

public enum ColumnWidth { Auto, Stretch }

public enum ImageSize { Auto, Stretch, Small, Medium, Large }

public enum HorizontalAlignment { Left, Center, Right }

internal static class EnumJson
{
    // The schema spells enum values in camelCase ("extraLarge", "bolder").
    public static string ToJsonValue<T>(this T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
