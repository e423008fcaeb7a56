using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Bot.PublicForms;
using GcmBot.Cards.Common;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Panels;

/// <summary>
/// The public page of the expert panellists the organisers selected and published, panel by panel: server-rendered,
/// no script, in the public pages' one layout (<see cref="WebLayout"/>: its CSP, its language switch). A nominee is
/// named only when the proposer confirmed their consent; everything people typed is HTML-encoded.
/// </summary>
public static class PublicPanelsPage
{
    public static string Html(IReadOnlyList<PublishedPanellist> published, CultureInfo culture, IStringLocalizer texts, IStringLocalizer layout)
    {
        using var language = LanguageScope.Use(culture);
        var html = new StringBuilder(4096);
        html.Append("<p>").Append(WebLayout.Html(texts["Page.Intro"])).Append("</p>\n");
        foreach (var theme in GcmReference.Themes)
        {
            var id = "panel-" + theme.Code;
            html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">")
                .Append(WebLayout.Html(texts["PanelTitle", theme.Code.ToString(), theme.TitleIn()])).Append("</h2>\n");
            var panellists = published.Where(p => p.Panel == theme.Code).ToList();
            if (panellists.Count == 0)
            {
                html.Append("<p>").Append(WebLayout.Html(texts["Page.NotYetPublished"])).Append("</p>\n</section>\n");
                continue;
            }

            html.Append("<ul>\n");
            foreach (var p in panellists)
            {
                var group = StakeholderReference.LabelIn(StakeholderReference.Groups, p.Group);
                var country = StakeholderReference.Country(p.Country)?.NameIn() ?? p.Country;
                html.Append("<li>\n<h3>").Append(WebLayout.Html(p.Name ?? texts["Page.NameNotPublished"])).Append("</h3>\n<p>")
                    .Append(WebLayout.Html(string.Join(" · ", new[] { p.Organisation, group, country }.Where(x => !string.IsNullOrWhiteSpace(x)))))
                    .Append("</p>\n<p>").Append(WebLayout.Html(texts["Page.Expertise", p.Expertise])).Append("</p>\n<p>")
                    .Append(WebLayout.Html(texts["Page.Languages", p.Languages])).Append("</p>\n<p>")
                    .Append(WebLayout.Html(texts["Page.PublishedOn", TimeText.FormatDate(p.PublishedAt, TimeText.ReferenceZone, culture)]))
                    .Append("</p>\n</li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        return WebLayout.Page(layout, culture, texts["Page.Title"], PanelEndpoints.PagePath, html.ToString());
    }
}
