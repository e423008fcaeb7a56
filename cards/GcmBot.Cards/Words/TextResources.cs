using System.Globalization;
using System.Resources;

namespace GcmBot.Cards.Words;

/// <summary>
/// The texts of one resource file (a capability's <c>XxxTexts.resx</c> and its translations) in one language. Card
/// builders get one from <see cref="For{TTexts}"/> with the culture they were given; a missing key shows the key
/// itself, which the resource tests and the pseudo-locale run catch.
/// </summary>
public sealed class TextResources
{
    private readonly ResourceManager _resources;

    private TextResources(ResourceManager resources, CultureInfo culture)
    {
        _resources = resources;
        Culture = culture;
    }

    public CultureInfo Culture { get; }

    /// <summary>The texts of the resource file named after <typeparamref name="TTexts"/> (same namespace, same name).</summary>
    public static TextResources For<TTexts>(CultureInfo culture) => new(Holder<TTexts>.Resources, culture);

    /// <summary>A text without arguments.</summary>
    public string this[string key] => Localise(Raw(key));

    /// <summary>A text with its arguments: .NET placeholders and ICU plurals (see <see cref="MessageFormat"/>).</summary>
    public string this[string key, params object?[] arguments] => MessageFormat.Format(Culture, Localise(Raw(key)), arguments);

    /// <summary>The resource text as written, before pseudo-localisation and formatting; null when the key is missing.</summary>
    public string? Find(string key) => _resources.GetString(key, SupportedLanguages.IsPseudo(Culture) ? SupportedLanguages.English : Culture);

    private string Raw(string key) => Find(key) ?? key;

    private string Localise(string text) => SupportedLanguages.IsPseudo(Culture) ? PseudoLocale.Transform(text) : text;

    // A ResourceManager per resource file, built once: it caches the resource sets itself.
    private static class Holder<TTexts>
    {
        public static readonly ResourceManager Resources = new(typeof(TTexts).FullName!, typeof(TTexts).Assembly);
    }
}
