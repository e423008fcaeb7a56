using System.Net;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Scheduling;

/// <summary>What the agenda of one consultation says.</summary>
public sealed record AgendaModel(RoundtableTheme Theme, string Title, DateTimeOffset Start, DateTimeOffset End, string? ConceptNoteUrl);

/// <summary>
/// The one template every consultation uses ("all consultations will use the same template for the concept note and
/// programme"): the theme, its GCM objectives, the programme, and the resource list. Written as HTML for the Teams
/// meeting invitation and as plain text for .ics files. Every inserted text is escaped.
/// </summary>
public static class AgendaTemplate
{
    public const string CompactUrl = "https://undocs.org/A/RES/73/195";
    public const string RegionalReviewUrl = "https://www.unescap.org/events/asia-pacific-regional-review-implementation-global-compact-safe-orderly-and-regular-migration";

    public const string Organiser = "UN Regional Network on Migration for Asia and the Pacific";

    /// <summary>The programme, the same for every consultation.</summary>
    public static IReadOnlyList<string> Programme { get; } =
    [
        "Opening and welcome by the Regional Network",
        "Briefing: the Asia-Pacific regional review of the GCM and the objectives of this roundtable theme",
        "Roundtable discussion on the objectives below (ask for the floor through GcmBot in the meeting chat)",
        "Key issues and recommendations for the informal summary report",
        "Closing and next steps",
    ];

    public const string Principles =
        "Transparency, inclusivity, diversity and meaningful participation: every stakeholder has an open and equal channel to contribute.";

    public const string SummaryNote =
        "An informal summary report capturing the key issues raised and the salient recommendations will be produced after the consultation.";

    public static string Html(AgendaModel model)
    {
        var html = new StringBuilder();
        html.Append("<h2>").Append(Encode(model.Title)).Append("</h2>");
        html.Append("<p>").Append(Encode($"A stakeholder consultation of the {Organiser} for the Asia-Pacific regional review of the Global Compact for Safe, Orderly and Regular Migration (GCM).")).Append("</p>");
        html.Append("<p><b>When:</b> ").Append(Encode(TimeText.FormatRange(model.Start, model.End, TimeText.ReferenceZone))).Append("</p>");
        html.Append("<h3>Roundtable theme</h3><p>").Append(Encode(model.Theme.Label)).Append("</p>");
        html.Append("<h3>GCM objectives addressed</h3><ul>");
        foreach (var objective in Objectives(model.Theme))
        {
            html.Append("<li>").Append(Encode(objective)).Append("</li>");
        }

        html.Append("</ul><h3>Agenda</h3><ol>");
        foreach (var item in Programme)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        html.Append("</ol><h3>Resources</h3><ul>");
        foreach (var (title, url) in Resources(model))
        {
            html.Append("<li><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(title)).Append("</a></li>");
        }

        html.Append("</ul>");
        html.Append("<p>").Append(Encode(Principles)).Append("</p>");
        html.Append("<p>").Append(Encode(SummaryNote)).Append("</p>");
        return html.ToString();
    }

    public static string Text(AgendaModel model)
    {
        var text = new StringBuilder();
        text.AppendLine(model.Title);
        text.AppendLine($"A stakeholder consultation of the {Organiser} for the Asia-Pacific regional review of the GCM.");
        text.AppendLine($"When: {TimeText.FormatRange(model.Start, model.End, TimeText.ReferenceZone)}");
        text.AppendLine().AppendLine($"Roundtable theme: {model.Theme.Label}");
        text.AppendLine("GCM objectives addressed:");
        foreach (var objective in Objectives(model.Theme))
        {
            text.AppendLine($"- {objective}");
        }

        text.AppendLine().AppendLine("Agenda:");
        for (var i = 0; i < Programme.Count; i++)
        {
            text.AppendLine($"{i + 1}. {Programme[i]}");
        }

        text.AppendLine().AppendLine("Resources:");
        foreach (var (title, url) in Resources(model))
        {
            text.AppendLine($"- {title}: {url}");
        }

        text.AppendLine().AppendLine(Principles).Append(SummaryNote);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Objectives(RoundtableTheme theme) =>
        theme.Objectives.Select(n => GcmReference.Objective(n) is { } o ? $"Objective {o.Number}: {o.Title}" : $"Objective {n}");

    private static IEnumerable<(string Title, string Url)> Resources(AgendaModel model)
    {
        if (model.ConceptNoteUrl is not null)
        {
            yield return ("Concept note of this consultation", model.ConceptNoteUrl);
        }

        yield return ("Global Compact for Safe, Orderly and Regular Migration (General Assembly resolution 73/195)", CompactUrl);
        yield return ("Asia-Pacific Regional Review of Implementation of the GCM (ESCAP)", RegionalReviewUrl);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
