using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>A file ready to download through an expiring link.</summary>
/// <param name="ExpiresText">When the link stops working, for the person ("The link works until 13:10 (UTC) · 20:10 (GMT+7).").</param>
public sealed record ExportCardModel(string Title, string Description, string Url, string ExpiresText);

/// <summary>Offers an export as a button that opens the expiring download link (in Teams, in the browser).</summary>
public static class ExportCard
{
    /// <param name="culture">The reader's language; the current UI language when null.</param>
    public static AdaptiveCard Build(ExportCardModel model, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var t = TextResources.For<RegistrationCardTexts>(culture);
        return new([
            new TextBlock(model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.Description),
            new TextBlock(model.ExpiresText + " " + t["Export.KeepSafe"])
            {
                IsSubtle = true,
                Size = TextSize.Small,
            },
        ])
        {
            Actions = [new OpenUrlAction(model.Url) { Title = t["Export.Download"] }],
            FallbackText = model.Title,
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
