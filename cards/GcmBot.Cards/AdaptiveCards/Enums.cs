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
        where T : struct, Enum => Names<T>.Of.TryGetValue(value, out var name) ? name : CamelCase(value.ToString());

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    // Spelled once per enum type (a card writes hundreds of these); immutable once built.
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly System.Collections.Frozen.FrozenDictionary<T, string> Of =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<T>().Distinct(), v => v, v => CamelCase(v.ToString()));
    }
}
