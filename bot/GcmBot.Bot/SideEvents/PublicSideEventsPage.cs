using System.Globalization;
using System.Text;
using GcmBot.Bot.PublicForms;
using GcmBot.Cards.Common;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SideEvents;

/// <summary>
/// The public page of accepted side events, in the one layout of GcmBot's public pages (<see cref="WebLayout"/>): no
/// script, people's text HTML-encoded everywhere, times in the regional review's zone (GMT+7), a link to register for
/// each event. The proposer's name and e-mail appear only when they allowed it.
/// </summary>
public static class PublicSideEventsPage
{
    /// <param name="layout">The public pages' texts (site name, language switch).</param>
    /// <param name="texts">This capability's texts.</param>
    public static string Html(
        IReadOnlyList<PublishedSideEvent> events, CultureInfo culture, SideEventViews views, IStringLocalizer layout, IStringLocalizer texts, string path)
    {
        var content = new StringBuilder(2048 + events.Count * 1200);
        content.Append("<p>").Append(WebLayout.Html(texts["Page.Intro"])).Append("</p>\n")
            .Append("<p class=\"hint\">").Append(WebLayout.Html(texts["Page.Count", events.Count])).Append("</p>\n");
        if (events.Count == 0)
        {
            content.Append("<p>").Append(WebLayout.Html(texts["Page.None"])).Append("</p>\n");
        }

        foreach (var (p, e) in events)
        {
            var id = "side-event-" + p.Id.ToString(CultureInfo.InvariantCulture);
            var title = e?.Title ?? p.Title;
            var start = e?.StartsAt ?? p.StartsAt;
            var end = e?.EndsAt ?? p.EndsAt;
            var venue = e?.Venue ?? p.Venue;
            content.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">")
                .Append(WebLayout.Html(title)).Append("</h2>\n<dl>\n");
            Fact(content, texts["Fact.When"], "<time datetime=\"" + start.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) + "\">"
                + WebLayout.Html(TimeText.FormatRange(start, end, TimeText.ReferenceZone, culture)) + "</time>");
            Fact(content, texts["Fact.Format"], WebLayout.Html(views.FormatText(p.Format)));
            Fact(content, texts["Fact.Venue"], WebLayout.Html(venue));
            Fact(content, texts["Fact.Organisers"], WebLayout.Html(p.Organisers));
            if (p.CoOrganisers is not null)
            {
                Fact(content, texts["Fact.CoOrganisers"], WebLayout.Html(p.CoOrganisers));
            }

            if (views.PartnerText(p.Partner, culture) is { } partner)
            {
                Fact(content, texts["Fact.Partner"], WebLayout.Html(partner));
            }

            Fact(content, texts["Fact.Theme"], WebLayout.Html(SideEventViews.ThemeText(p.Theme, culture)));
            var objectives = SideEventStore.ObjectivesOf(p);
            Fact(content, texts["Fact.Objectives"], WebLayout.Html(objectives.Count == 0 ? texts["Fact.NoObjectives"] : SideEventViews.ObjectivesText(objectives, culture, withTitles: true)));
            Fact(content, texts["Fact.Accessibility"], WebLayout.Html(views.AccessibilityText(p, culture)));
            if (p.ContactConsent == ContactConsent.Public && p.ContactEmail is not null && p.ProposerName is not null)
            {
                Fact(content, texts["Fact.Contact"], WebLayout.Html(texts["Page.Contact", p.ProposerName, p.ContactEmail]));
            }

            content.Append("</dl>\n");
            foreach (var paragraph in (e?.Description ?? p.Description).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                content.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(WebLayout.Html))).Append("</p>\n");
            }

            if (p.EventId is { } eventId)
            {
                var register = PublicCulture.Keep(PublicFormsCapability.RegisterPath + "?event=" + Uri.EscapeDataString(eventId), culture);
                content.Append("<p><a href=\"").Append(WebLayout.Html(register)).Append("\">")
                    .Append(WebLayout.Html(texts["Page.Register", title])).Append("</a></p>\n");
            }

            content.Append("</section>\n");
        }

        return WebLayout.Page(layout, culture, texts["Page.Title"], path, content.ToString());
    }

    private static void Fact(StringBuilder html, string term, string encodedValue) =>
        html.Append("<dt>").Append(WebLayout.Html(term)).Append("</dt><dd>").Append(encodedValue).Append("</dd>\n");
}
