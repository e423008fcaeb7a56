using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// The one layout of GcmBot's public pages: language set on the page, a skip link, the Network's name, a language switch
/// that works without script, the page's content, and a footer. Everything a person typed is HTML-encoded by
/// <see cref="Html"/>; the style sheet is a file of its own so that the CSP needs no inline style.
/// </summary>
public static class WebLayout
{
    public const string StylePath = "/public/site.css";

    /// <summary>No script at all, styles only from this host, forms post only here, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static string Page(IStringLocalizer texts, CultureInfo culture, string title, string path, string content)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(SupportedLanguages.TagOf(culture)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html(title)).Append(" – ").Append(Html(texts["Site.Name"])).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylePath).Append("\">\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(Html(texts["Site.Skip"])).Append("</a>\n")
            .Append("<header>\n<p class=\"kicker\">").Append(Html(texts["Site.Network"])).Append("</p>\n")
            .Append("<nav aria-label=\"").Append(Html(texts["Site.Languages"])).Append("\"><ul class=\"languages\">");
        foreach (var language in SupportedLanguages.All)
        {
            var name = SupportedLanguages.NativeName(language);
            if (language.Name == culture.Name)
            {
                html.Append("<li><span aria-current=\"true\" lang=\"").Append(language.Name).Append("\">").Append(Html(name)).Append("</span></li>");
            }
            else
            {
                html.Append("<li><a href=\"").Append(Html(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language.Name))
                    .Append("\" hreflang=\"").Append(language.Name).Append("\" lang=\"").Append(language.Name).Append("\">")
                    .Append(Html(name)).Append("</a></li>");
            }
        }

        html.Append("</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(Html(title)).Append("</h1>\n")
            .Append(content)
            .Append("</main>\n<footer><p>").Append(Html(texts["Site.Footer"])).Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Html(string? text) => Encoder.Encode(text ?? string.Empty);

    // HtmlEncoder.Default escapes every non-Latin letter as an entity; the page is UTF-8, so Chinese and Russian
    // text can stay as it is. Markup characters are escaped all the same.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Plain, high-contrast, readable on a phone; focus always visible (WCAG 2.2 AA).</summary>
    public const string StyleSheet =
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Noto Sans SC\",sans-serif;line-height:1.55;color:#1b1b1b;background:#fff;margin:0}" +
        "header,main,footer{max-width:42rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}" +
        ".skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem}" +
        ".kicker{color:#3d3d3d;font-size:.95rem;margin:.25rem 0}h1{font-size:1.6rem;line-height:1.25;margin:1rem 0}" +
        "h2{font-size:1.25rem;margin:2rem 0 .5rem}ul.languages{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:1rem}" +
        "a{color:#0b4f6c}a:focus,input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #b35c00;outline-offset:2px}" +
        ".field{margin:1.25rem 0}label,legend{display:block;font-weight:600;margin-bottom:.25rem}" +
        ".hint{color:#3d3d3d;font-size:.95rem;margin:.1rem 0 .4rem}" +
        "input[type=text],input[type=email],input[type=url],select,textarea{box-sizing:border-box;width:100%;max-width:36rem;font:inherit;padding:.45rem;border:2px solid #4a4a4a;border-radius:3px}" +
        "textarea{min-height:8rem}fieldset{border:0;padding:0;margin:1.25rem 0}fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}" +
        "input[type=checkbox],input[type=radio]{width:1.25rem;height:1.25rem;margin-top:.2rem;flex:none}" +
        ".error{color:#a4000f;font-weight:600;margin:.2rem 0}[aria-invalid=true]{border-color:#a4000f}" +
        ".error-summary{border:4px solid #a4000f;padding:.5rem 1rem;margin:1rem 0}.error-summary h2{margin-top:.25rem}" +
        ".notice{border-left:6px solid #0e5a78;background:#eef5f8;padding:.5rem 1rem;margin:1rem 0}" +
        "button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:3px;border:2px solid #0b4f6c;background:#0b4f6c;color:#fff;cursor:pointer}" +
        "button.secondary{background:#fff;color:#0b4f6c}button.danger{background:#a4000f;border-color:#a4000f}" +
        ".trap,.sr-only{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}" +
        "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}" +
        "footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #ccc;color:#3d3d3d;font-size:.95rem}";
}
