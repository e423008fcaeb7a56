using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

namespace GcmBot.Cards.Reports;

/// <summary>The key figures of a consultation's draft summary report, and its files behind expiring links.</summary>
public sealed record ReportCardModel(
    string EventId,
    string Title,
    string When,
    string Registered,
    string Attended,
    string Questions,
    string Interventions,
    string Submissions,
    int KeyIssues,
    int Recommendations,
    IReadOnlyList<string> Flags,
    string HtmlUrl,
    string MarkdownUrl,
    string ExpiresText,
    string? FileNote);

/// <summary>One consultation's line in the representation view.</summary>
public sealed record RepresentationLine(string EventId, string Title, string Participation, IReadOnlyList<string> Flags);

/// <summary>The representation view across the consultations, and its files behind expiring links.</summary>
public sealed record RepresentationCardModel(IReadOnlyList<RepresentationLine> Consultations, string Rule, string HtmlUrl, string MarkdownUrl, string ExpiresText);

/// <summary>Cards of the informal summary reports (organisers only).</summary>
public static class ReportCards
{
    /// <summary>At most this many flags are listed on a card; the files list them all.</summary>
    public const int MaxFlags = 8;

    /// <summary>At most this many consultations on the representation card (the catalogue is small; the files hold all).</summary>
    public const int MaxConsultations = 12;

    public static AdaptiveCard Summary(ReportCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Draft informal summary report") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.Title)) { Spacing = Spacing.None },
            new TextBlock($"{MarkdownText.Escape(model.EventId)} · {model.When}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new FactSet(
            [
                new Fact("Registered", model.Registered),
                new Fact("Attended", model.Attended),
                new Fact("Questions", model.Questions),
                new Fact("Interventions", model.Interventions),
                new Fact("Written submissions", model.Submissions),
                new Fact("Key issues", model.KeyIssues.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Fact("Recommendations", model.Recommendations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
        };
        body.AddRange(FlagBlocks(model.Flags));
        body.Add(new TextBlock($"The files are a draft to edit before sharing. The links work until {model.ExpiresText}."
            + (model.FileNote is null ? string.Empty : " " + model.FileNote))
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new OpenUrlAction(model.HtmlUrl) { Title = "Open the report (HTML)" },
                new OpenUrlAction(model.MarkdownUrl) { Title = "Markdown" },
            ],
            FallbackText = $"Draft informal summary report: {model.Title}",
        };
    }

    public static AdaptiveCard Representation(RepresentationCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Representation across the consultations") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (model.Consultations.Count == 0)
        {
            body.Add(new TextBlock("No consultation has confirmed registrations or recorded activity yet."));
        }

        foreach (var line in model.Consultations.Take(MaxConsultations))
        {
            body.Add(new TextBlock($"**{MarkdownText.Escape(line.Title)}** ({MarkdownText.Escape(line.EventId)})") { Separator = true });
            body.Add(new TextBlock(line.Participation) { Spacing = Spacing.None, Size = TextSize.Small });
            body.AddRange(FlagBlocks(line.Flags));
        }

        if (model.Consultations.Count > MaxConsultations)
        {
            body.Add(new TextBlock($"… and {model.Consultations.Count - MaxConsultations} more in the files.") { IsSubtle = true });
        }

        body.Add(new TextBlock(model.Rule + $" The links work until {model.ExpiresText}.") { Size = TextSize.Small, IsSubtle = true, Separator = true });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new OpenUrlAction(model.HtmlUrl) { Title = "Open the view (HTML)" },
                new OpenUrlAction(model.MarkdownUrl) { Title = "Markdown" },
            ],
            FallbackText = "Representation across the consultations",
        };
    }

    private static IEnumerable<CardElement> FlagBlocks(IReadOnlyList<string> flags)
    {
        if (flags.Count == 0)
        {
            yield break;
        }

        var shown = flags.Take(MaxFlags).Select(f => "- " + MarkdownText.Escape(f));
        var more = flags.Count > MaxFlags ? $"\n- … and {flags.Count - MaxFlags} more" : string.Empty;
        yield return new TextBlock("Under-represented among attendees") { Weight = TextWeight.Bolder, Color = TextColor.Attention, Spacing = Spacing.Small };
        yield return new TextBlock(string.Join("\n", shown) + more) { Spacing = Spacing.None };
    }
}
