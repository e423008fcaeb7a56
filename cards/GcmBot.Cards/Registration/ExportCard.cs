using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Registration;

/// <summary>A file ready to download through an expiring link.</summary>
public sealed record ExportCardModel(string Title, string Description, string Url, string ExpiresText);

/// <summary>Offers an export as a button that opens the expiring download link (in Teams, in the browser).</summary>
public static class ExportCard
{
    public static AdaptiveCard Build(ExportCardModel model) =>
        new([
            new TextBlock(model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.Description),
            new TextBlock(model.ExpiresText + " It holds personal data: keep the file safe and delete it when done.")
            {
                IsSubtle = true,
                Size = TextSize.Small,
            },
        ])
        {
            Actions = [new OpenUrlAction(model.Url) { Title = "Download CSV" }],
            FallbackText = model.Title,
        };
}
