using System.Globalization;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Languages;

/// <summary>
/// Microsoft.Extensions.Localization's resource-file localizers, with GcmBot's formatting on top: ICU plurals
/// (<see cref="MessageFormat"/>) and the pseudo-locale (<see cref="PseudoLocale"/>). Resource files sit next to the
/// code that uses them (<c>Questions/QuestionsTexts.resx</c> for <c>IStringLocalizer&lt;QuestionsTexts&gt;</c>).
/// </summary>
public sealed class FormattingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new FormattingStringLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new FormattingStringLocalizer(inner.Create(baseName, location));
}

internal sealed class FormattingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => Localise(inner[name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var pattern = Localise(inner[name]);
            var text = MessageFormat.Format(CultureInfo.CurrentCulture, pattern.Value, arguments);
            return new LocalizedString(name, text, pattern.ResourceNotFound, pattern.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Localise);

    private static LocalizedString Localise(LocalizedString text) =>
        SupportedLanguages.IsPseudo(CultureInfo.CurrentUICulture) && !text.ResourceNotFound
            ? new LocalizedString(text.Name, PseudoLocale.Transform(text.Value), text.ResourceNotFound, text.SearchedLocation)
            : text;
}
