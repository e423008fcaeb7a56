using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

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
    public static AdaptiveCard Build(SpeakerExportCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Interventions export") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (!string.IsNullOrWhiteSpace(model.MeetingTitle))
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.MeetingTitle)) { IsSubtle = true, Spacing = Spacing.None });
        }

        body.Add(new TextBlock(model.Interventions == 0
            ? "Nobody has had the floor yet, so the files only have their headings."
            : $"{model.Interventions} intervention{(model.Interventions == 1 ? string.Empty : "s")}, {model.TotalDuration} of speaking time in all."));
        body.AddRange(Totals("Speaking time by stakeholder group", model.ByGroup));
        body.AddRange(Totals("By ESCAP subregion", model.BySubregion));
        body.AddRange(Totals("By gender", model.ByGender));
        body.Add(new TextBlock($"The files name the speakers: the links work only until {model.ExpiresText}. Share them with care.")
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new OpenUrlAction(model.CsvUrl) { Title = "Interventions (CSV)" },
                new OpenUrlAction(model.TotalsCsvUrl) { Title = "Totals (CSV)" },
                new OpenUrlAction(model.MarkdownUrl) { Title = "Report (Markdown)" },
                new ExecuteAction(CardActionData.For(SpeakerQueueCard.ChairVerb)) { Title = "Back to chair controls" },
            ],
            FallbackText = $"Interventions export: {model.Interventions} interventions.",
        };
    }

    private static IEnumerable<CardElement> Totals(string heading, IReadOnlyList<SpeakingTotal> totals)
    {
        if (totals.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet(totals
            .Select(t => new Fact(t.Label, $"{t.Duration} ({t.Turns} turn{(t.Turns == 1 ? string.Empty : "s")})"))
            .ToList());
    }
}
