using System.Net;
using System.Text.RegularExpressions;

namespace GcmBot.Bot.Tests.PublicForms;

/// <summary>A page as a browser got it: status, HTML, where it redirects.</summary>
public sealed record WebPage(HttpStatusCode Status, string Html, Uri? Location, HttpResponseMessage Response);

/// <summary>Opens public pages and sends their forms as a browser would: with the page's antiforgery token and cookie.</summary>
public sealed partial class WebFormClient(HttpClient client)
{
    public async Task<WebPage> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        return new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location, response);
    }

    /// <summary>Sends the first form of a page (its action and antiforgery token) with these fields.</summary>
    public Task<WebPage> SubmitAsync(WebPage page, IEnumerable<KeyValuePair<string, string>> fields, int formIndex = 0)
    {
        var forms = FormTag().Matches(page.Html);
        var form = forms[formIndex];
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        var token = TokenField().Match(form.Groups["body"].Value);
        var values = new List<KeyValuePair<string, string>>();
        if (token.Success)
        {
            values.Add(new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)));
        }

        foreach (var hidden in HiddenField().Matches(form.Groups["body"].Value).Where(m => m.Groups["name"].Value != token.Groups["name"].Value))
        {
            values.Add(new(hidden.Groups["name"].Value, WebUtility.HtmlDecode(hidden.Groups["value"].Value)));
        }

        values.AddRange(fields);
        return PostAsync(action, values);
    }

    public async Task<WebPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        var response = await client.PostAsync(path, new FormUrlEncodedContent(values));
        return new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location, response);
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__form)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
