using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.SpeakerQueue;

/// <summary>Speaking time of one category (a stakeholder group, a subregion or a gender).</summary>
public sealed record SpeakingTotal(string Label, int Turns, string Duration);

/// <summary>What the chair gets after exporting the interventions of a consultation.</summary>
public sealed record SpeakerExportCardModel(
    string? MeetingTitle,
    int Interventions,
    string TotalDuration,
    string CsvUrl,
    string TotalsCsvUrl,
    string MarkdownUrl,
    string ExpiresText,
    IReadOnlyList<SpeakingTotal> ByGroup,
    IReadOnlyList<SpeakingTotal> BySubregion,
    IReadOnlyList<SpeakingTotal> ByGender);

/// <summary>
/// The export of a speakers' list: download links (expiring, because the files name people) and the totals of
/// speaking time by stakeholder group, subregion and gender, for the summary report and the representation balance.
/// </summary>
public static class SpeakerExportCard
{
    public static AdaptiveCard Build(SpeakerExportCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<SpeakerQueueCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Export.Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (!string.IsNullOrWhiteSpace(model.MeetingTitle))
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.MeetingTitle)) { IsSubtle = true, Spacing = Spacing.None });
        }

        body.Add(new TextBlock(model.Interventions == 0
            ? t["Export.NobodyYet"]
            : t["Export.Summary", model.Interventions, model.TotalDuration]));
        body.AddRange(Totals(t["Export.ByGroup"], model.ByGroup, t));
        body.AddRange(Totals(t["Export.BySubregion"], model.BySubregion, t));
        body.AddRange(Totals(t["Export.ByGender"], model.ByGender, t));
        body.Add(new TextBlock(t["Export.Expires", model.ExpiresText])
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new OpenUrlAction(model.CsvUrl) { Title = t["Export.Csv"] },
                new OpenUrlAction(model.TotalsCsvUrl) { Title = t["Export.TotalsCsv"] },
                new OpenUrlAction(model.MarkdownUrl) { Title = t["Export.Markdown"] },
                new ExecuteAction(CardActionData.For(SpeakerQueueCard.ChairVerb)) { Title = t["Export.Back"] },
            ],
            FallbackText = t["Export.Fallback", model.Interventions],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static IEnumerable<CardElement> Totals(string heading, IReadOnlyList<SpeakingTotal> totals, TextResources t)
    {
        if (totals.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet(totals
            .Select(total => new Fact(total.Label, t["Export.Total", total.Duration, total.Turns]))
            .ToList());
    }
}
