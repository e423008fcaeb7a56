using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Reports;

/// <summary>A count as a report shows it: from 1 to <see cref="Threshold"/> − 1 it is hidden ("fewer than 3").</summary>
public sealed record ReportCount(int Value, bool Hidden)
{
    /// <summary>Counts below this (but above zero) are not shown, so that a breakdown never points at one person.</summary>
    public const int Threshold = 3;
}

/// <summary>The dimensions participation is broken down by.</summary>
public enum ReportDimension { Group, Subregion, Gender }

/// <summary>A category under-represented among the attendees.</summary>
public sealed record ReportFlag(string Category, ReportDimension Dimension, ReportCount Registered, ReportCount Attended);

/// <summary>The report's files behind expiring links: the HTML opens in the browser, the others download.</summary>
/// <param name="Expires">When the links stop working, in the person's zone and GMT+7.</param>
public sealed record ReportLinks(string OpenUrl, string DownloadUrl, string MarkdownUrl, string Expires, bool FileOffered);

/// <summary>"Produce it in another language": the command that builds the same report, without its language.</summary>
public sealed record ReportLanguageChoice(string Command, IReadOnlyList<CultureInfo> Languages);

/// <summary>
/// The key figures of a consultation's draft summary report, and its files behind expiring links.
/// <see cref="AttendedInTeams"/>: attendance comes from the Teams meeting's attendance report, not the meeting chat.
/// </summary>
public sealed record ReportCardModel(
    string Title,
    string When,
    int Registered,
    int Waitlisted,
    int? Attended,
    int QuestionsRaised,
    int QuestionsAnswered,
    int Interventions,
    string SpeakingTime,
    int SubmissionsReceived,
    int SubmissionsPublished,
    int KeyIssues,
    int Recommendations,
    IReadOnlyList<ReportFlag> Flags,
    ReportLinks Links,
    ReportLanguageChoice? OtherLanguages = null,
    bool AttendedInTeams = false);

/// <summary>One consultation's line in the representation view.</summary>
public sealed record RepresentationLine(string Title, int Registered, int? Attended, IReadOnlyList<ReportFlag> Flags);

/// <summary>The representation view across the consultations, and its files behind expiring links.</summary>
public sealed record RepresentationCardModel(
    IReadOnlyList<RepresentationLine> Consultations, string Rule, ReportLinks Links, ReportLanguageChoice? OtherLanguages = null);

/// <summary>A consultation to choose, by its title; the button runs <see cref="Command"/>.</summary>
public sealed record ReportChoice(string Title, string? When, string Command);

/// <summary>Cards of the informal summary reports (organisers only).</summary>
public static class ReportCards
{
    /// <summary>At most this many flags are listed on a card; the files list them all.</summary>
    public const int MaxFlags = 8;

    /// <summary>At most this many consultations on the representation card (the catalogue is small; the files hold all).</summary>
    public const int MaxConsultations = 12;

    /// <summary>At most this many consultations to choose from (Teams shows at most a handful of buttons well).</summary>
    public const int MaxChoices = 12;

    public static AdaptiveCard Summary(ReportCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<ReportsCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Summary.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.Title)) { Spacing = Spacing.None },
            new TextBlock(model.When) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new FactSet(
            [
                new Fact(t["Fact.Registered"], model.Waitlisted > 0 ? t["Registered.WithWaitlist", model.Registered, model.Waitlisted] : t["Registered.Confirmed", model.Registered]),
                new Fact(t["Fact.Attended"], model.Attended is { } a ? t[model.AttendedInTeams ? "Attended.InTeams" : "Attended.Active", a] : t["Attended.NotRecorded"]),
                new Fact(t["Fact.Questions"], t["Questions.Value", model.QuestionsRaised, model.QuestionsAnswered]),
                new Fact(t["Fact.Interventions"], t["Interventions.Value", model.Interventions, model.SpeakingTime]),
                new Fact(t["Fact.Submissions"], t["Submissions.Value", model.SubmissionsReceived, model.SubmissionsPublished]),
                new Fact(t["Fact.KeyIssues"], model.KeyIssues.ToString("N0", culture)),
                new Fact(t["Fact.Recommendations"], model.Recommendations.ToString("N0", culture)),
            ]),
        };
        body.AddRange(FlagBlocks(model.Flags, t));
        body.Add(new TextBlock(t["Summary.Footer", model.Links.Expires] + (model.Links.FileOffered ? " " + t["File.Note"] : string.Empty))
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });
        body.AddRange(LanguageBlocks(model.OtherLanguages, t));
        return new AdaptiveCard(body)
        {
            Actions = Links(model.Links, t["Button.OpenReport"], t),
            FallbackText = t["Summary.Fallback", model.Title],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    public static AdaptiveCard Representation(RepresentationCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<ReportsCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Representation.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (model.Consultations.Count == 0)
        {
            body.Add(new TextBlock(t["Representation.None"]));
        }

        foreach (var line in model.Consultations.Take(MaxConsultations))
        {
            body.Add(new TextBlock($"**{MarkdownText.Escape(line.Title)}**") { Separator = true });
            body.Add(new TextBlock(line.Attended is { } a ? t["Representation.Attended", line.Registered, a] : t["Representation.NotRecorded", line.Registered])
            {
                Spacing = Spacing.None,
                Size = TextSize.Small,
            });
            body.AddRange(FlagBlocks(line.Flags, t));
        }

        if (model.Consultations.Count > MaxConsultations)
        {
            body.Add(new TextBlock(t["Representation.More", model.Consultations.Count - MaxConsultations]) { IsSubtle = true });
        }

        body.Add(new TextBlock(model.Rule + " " + t["Representation.Footer", model.Links.Expires] + (model.Links.FileOffered ? " " + t["File.Note"] : string.Empty))
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });
        body.AddRange(LanguageBlocks(model.OtherLanguages, t));
        return new AdaptiveCard(body)
        {
            Actions = Links(model.Links, t["Button.OpenView"], t),
            FallbackText = t["Representation.Heading"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    /// <summary>The consultations to choose from when the organiser named none (or one that does not exist).</summary>
    public static AdaptiveCard Choose(IReadOnlyList<ReportChoice> choices, string? problem, string representationCommand, CultureInfo culture)
    {
        var t = TextResources.For<ReportsCardTexts>(culture);
        var body = new List<CardElement>();
        if (problem is not null)
        {
            body.Add(new TextBlock(problem) { Color = TextColor.Attention });
        }

        body.Add(new TextBlock(t["Choose.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(choices.Count == 0 ? t["Choose.None"] : t["Choose.Hint"]) { Spacing = Spacing.None });
        foreach (var choice in choices.Take(MaxChoices))
        {
            var button = HelpCard.RunCommandButton(choice.Command, choice.Title);
            body.Add(new ActionSet([button]) { Spacing = Spacing.Small });
            if (choice.When is not null)
            {
                body.Add(new TextBlock(choice.When) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton(representationCommand, t["Choose.Representation"])],
            FallbackText = t["Choose.Heading"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    /// <summary>A count as the card shows it: the number, or "fewer than 3".</summary>
    public static string Count(ReportCount count, TextResources t) =>
        count.Hidden ? t["Count.Hidden", ReportCount.Threshold] : count.Value.ToString("N0", t.Culture);

    /// <summary>"Woman (gender): 20 registered, fewer than 3 attended."</summary>
    public static string FlagText(ReportFlag flag, TextResources t) =>
        t["Flags.Line", flag.Category, t[$"Dimension.{flag.Dimension}"], Count(flag.Registered, t), Count(flag.Attended, t)];

    private static List<CardAction> Links(ReportLinks links, string openTitle, TextResources t) =>
    [
        new OpenUrlAction(links.OpenUrl) { Title = openTitle, Style = ActionStyle.Positive },
        new OpenUrlAction(links.DownloadUrl) { Title = t["Button.DownloadHtml"] },
        new OpenUrlAction(links.MarkdownUrl) { Title = t["Button.Markdown"] },
    ];

    private static IEnumerable<CardElement> LanguageBlocks(ReportLanguageChoice? choice, TextResources t)
    {
        if (choice is null || choice.Languages.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(t["Language.Other"]) { Size = TextSize.Small, Spacing = Spacing.Medium };
        yield return new ActionSet(choice.Languages
            .Select(l => (CardAction)HelpCard.RunCommandButton($"{choice.Command} {l.Name}", SupportedLanguages.NativeName(l)))
            .ToList())
        {
            Spacing = Spacing.None,
        };
    }

    private static IEnumerable<CardElement> FlagBlocks(IReadOnlyList<ReportFlag> flags, TextResources t)
    {
        if (flags.Count == 0)
        {
            yield break;
        }

        var shown = flags.Take(MaxFlags).Select(f => "- " + MarkdownText.Escape(FlagText(f, t)));
        var more = flags.Count > MaxFlags ? "\n- " + t["Flags.More", flags.Count - MaxFlags] : string.Empty;
        yield return new TextBlock(t["Flags.Heading"]) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Spacing = Spacing.Small };
        yield return new TextBlock(string.Join("\n", shown) + more) { Spacing = Spacing.None };
    }
}

/// <summary>Names the resource files of this folder (<c>ReportsCardTexts.resx</c> and its translations).</summary>
public sealed class ReportsCardTexts;
