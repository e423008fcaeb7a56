using System.Globalization;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

/// <summary>The languages the capability samples are built in: every supported one and the pseudo-locale.</summary>
internal static class SampleLanguages
{
    public static IReadOnlyList<CultureInfo> All { get; } = [.. SupportedLanguages.All, CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)];

    /// <summary>English samples keep their plain names; the others are suffixed with their tag ("-fr", "-zh-Hans").</summary>
    public static string Name(string name, CultureInfo culture) => culture.Name == "en" ? name : $"{name}-{culture.Name}";
}
