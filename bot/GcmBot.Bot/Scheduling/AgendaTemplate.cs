using System.Globalization;
using System.Net;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Scheduling;

/// <summary>
/// What the agenda of one consultation says. <paramref name="Resources"/> are the links the organisers added to its
/// resource list; <paramref name="ConceptNotePage"/> is the concept note's public page, when the host's address is known.
/// </summary>
public sealed record AgendaModel(
    RoundtableTheme Theme,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? ConceptNoteUrl,
    IReadOnlyList<(string Title, string Url)>? Resources = null,
    string? ConceptNotePage = null);

/// <summary>
/// The one template every consultation uses ("all consultations will use the same template for the concept note and
/// programme"): the theme, its GCM objectives, the programme, and the resource list. Written as HTML for the Teams
/// meeting invitation and as plain text for .ics files, in one language (the organiser's). Every inserted text is escaped.
/// </summary>
public static class AgendaTemplate
{
    public const string CompactUrl = "https://undocs.org/A/RES/73/195";
    public const string RegionalReviewUrl = "https://www.unescap.org/events/asia-pacific-regional-review-implementation-global-compact-safe-orderly-and-regular-migration";

    /// <summary>How many items the programme has (<c>Agenda.Programme.1</c> … in the texts).</summary>
    public const int ProgrammeItems = 5;

    /// <summary>The programme, the same for every consultation, in a language.</summary>
    public static IReadOnlyList<string> Programme(CultureInfo culture)
    {
        var t = TextResources.For<SchedulingTexts>(culture);
        return Enumerable.Range(1, ProgrammeItems).Select(i => t[$"Agenda.Programme.{i}"]).ToList();
    }

    public static string Html(AgendaModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingTexts>(culture);
        var html = new StringBuilder();
        html.Append("<div lang=\"").Append(SupportedLanguages.TagOf(culture)).Append("\">");
        html.Append("<h2>").Append(Encode(model.Title)).Append("</h2>");
        html.Append("<p>").Append(Encode(t["Agenda.Intro"])).Append("</p>");
        if (model.ConceptNotePage is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(model.ConceptNotePage)).Append("\">").Append(Encode(t["Agenda.ConceptNotePage"])).Append("</a></p>");
        }

        html.Append("<p><b>").Append(Encode(t["Agenda.When"])).Append(":</b> ").Append(Encode(When(model, culture))).Append("</p>");
        html.Append("<h3>").Append(Encode(t["Agenda.Theme"])).Append("</h3><p>").Append(Encode(model.Theme.LabelIn(culture))).Append("</p>");
        html.Append("<h3>").Append(Encode(t["Agenda.Objectives"])).Append("</h3><ul>");
        foreach (var objective in Objectives(model.Theme, culture))
        {
            html.Append("<li>").Append(Encode(objective)).Append("</li>");
        }

        html.Append("</ul><h3>").Append(Encode(t["Agenda.Agenda"])).Append("</h3><ol>");
        foreach (var item in Programme(culture))
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        html.Append("</ol><h3>").Append(Encode(t["Agenda.Resources"])).Append("</h3><ul>");
        foreach (var (title, url) in Resources(model, t))
        {
            html.Append("<li><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(title)).Append("</a></li>");
        }

        html.Append("</ul>");
        html.Append("<p>").Append(Encode(t["Agenda.Principles"])).Append("</p>");
        html.Append("<p>").Append(Encode(t["Agenda.SummaryNote"])).Append("</p>");
        html.Append("</div>");
        return html.ToString();
    }

    public static string Text(AgendaModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingTexts>(culture);
        var text = new StringBuilder();
        text.AppendLine(model.Title);
        text.AppendLine(t["Agenda.Intro"]);
        if (model.ConceptNotePage is not null)
        {
            text.AppendLine($"{t["Agenda.ConceptNotePage"]}: {model.ConceptNotePage}");
        }

        text.AppendLine($"{t["Agenda.When"]}: {When(model, culture)}");
        text.AppendLine().AppendLine($"{t["Agenda.Theme"]}: {model.Theme.LabelIn(culture)}");
        text.AppendLine($"{t["Agenda.Objectives"]}:");
        foreach (var objective in Objectives(model.Theme, culture))
        {
            text.AppendLine($"- {objective}");
        }

        text.AppendLine().AppendLine($"{t["Agenda.Agenda"]}:");
        var programme = Programme(culture);
        for (var i = 0; i < programme.Count; i++)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {programme[i]}"));
        }

        text.AppendLine().AppendLine($"{t["Agenda.Resources"]}:");
        foreach (var (title, url) in Resources(model, t))
        {
            text.AppendLine($"- {title}: {url}");
        }

        text.AppendLine().AppendLine(t["Agenda.Principles"]).Append(t["Agenda.SummaryNote"]);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // Invitations go to people across the region: GMT+7, the engagement's zone, and UTC.
    private static string When(AgendaModel model, CultureInfo culture) =>
        TimeText.ForPerson(model.Start, model.End, null, culture);

    /// <summary>The theme's GCM objectives, with their official titles in <paramref name="culture"/>.</summary>
    public static IEnumerable<string> Objectives(RoundtableTheme theme, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingTexts>(culture);
        return theme.Objectives.Select(n => GcmReference.Objective(n) is { } o ? t["Agenda.Objective", o.Number, o.TitleIn(culture)] : t["Agenda.ObjectiveNumber", n]);
    }

    /// <summary>The resource list: the organisers' concept note document, the links they added, then the Compact and the review's page.</summary>
    public static IEnumerable<(string Title, string Url)> Resources(AgendaModel model, CultureInfo culture) => Resources(model, TextResources.For<SchedulingTexts>(culture));

    private static IEnumerable<(string Title, string Url)> Resources(AgendaModel model, TextResources t)
    {
        if (model.ConceptNoteUrl is not null)
        {
            yield return (t["Agenda.ConceptNote"], model.ConceptNoteUrl);
        }

        foreach (var resource in model.Resources ?? [])
        {
            yield return resource;
        }

        yield return (t["Agenda.Compact"], CompactUrl);
        yield return (t["Agenda.Review"], RegionalReviewUrl);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
