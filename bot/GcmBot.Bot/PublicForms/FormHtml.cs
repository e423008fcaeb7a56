using System.Text;
using static GcmBot.Bot.PublicForms.WebLayout;

namespace GcmBot.Bot.PublicForms;

/// <summary>A choice of a select, radio group or checkbox group: the value sent and the label read.</summary>
public sealed record WebChoice(string Value, string Label, string? Hint = null);

/// <summary>
/// Writes accessible form fields: every input has its label; an error is linked to its field (aria-describedby) and
/// listed in a summary at the top that takes focus and is announced; choices are fieldsets with a legend.
/// </summary>
public sealed class FormHtml(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> errors)
{
    private readonly StringBuilder _html = new(8192);

    public static string ErrorSummary(string heading, IReadOnlyList<(string FieldId, string Message)> problems)
    {
        if (problems.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">\n");
        html.Append("<h2 id=\"error-summary-title\">").Append(Html(heading)).Append("</h2>\n<ul>\n");
        foreach (var (fieldId, message) in problems)
        {
            html.Append("<li><a href=\"#").Append(Html(fieldId)).Append("\">").Append(Html(message)).Append("</a></li>\n");
        }

        return html.Append("</ul>\n</div>\n").ToString();
    }

    public FormHtml Hidden(string name, string value)
    {
        _html.Append("<input type=\"hidden\" name=\"").Append(Html(name)).Append("\" value=\"").Append(Html(value)).Append("\">\n");
        return this;
    }

    /// <summary>A field people never see or reach; only robots fill it in.</summary>
    public FormHtml Trap(string name, string label)
    {
        _html.Append("<div class=\"trap\" aria-hidden=\"true\"><label for=\"").Append(name).Append("\">").Append(Html(label))
            .Append("</label><input type=\"text\" id=\"").Append(name).Append("\" name=\"").Append(name)
            .Append("\" tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>\n");
        return this;
    }

    public FormHtml Text(string id, string label, int maxLength, bool required, string type = "text", string? autocomplete = null, string? hint = null)
    {
        Open(id, label, hint);
        _html.Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Append(id)
            .Append("\" maxlength=\"").Append(maxLength).Append('"');
        if (required)
        {
            _html.Append(" required aria-required=\"true\"");
        }

        if (autocomplete is not null)
        {
            _html.Append(" autocomplete=\"").Append(autocomplete).Append('"');
        }

        Described(id, hint).Append(" value=\"").Append(Html(values.GetValueOrDefault(id))).Append("\">\n</div>\n");
        return this;
    }

    public FormHtml TextArea(string id, string label, int maxLength, bool required, string? hint = null)
    {
        Open(id, label, hint);
        _html.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(id).Append("\" maxlength=\"").Append(maxLength).Append('"');
        if (required)
        {
            _html.Append(" required aria-required=\"true\"");
        }

        Described(id, hint).Append('>').Append(Html(values.GetValueOrDefault(id))).Append("</textarea>\n</div>\n");
        return this;
    }

    public FormHtml Select(string id, string label, string placeholder, IReadOnlyList<WebChoice> choices, bool required, string? hint = null)
    {
        Open(id, label, hint);
        _html.Append("<select id=\"").Append(id).Append("\" name=\"").Append(id).Append('"');
        if (required)
        {
            _html.Append(" required aria-required=\"true\"");
        }

        Described(id, hint).Append(">\n<option value=\"\">").Append(Html(placeholder)).Append("</option>\n");
        var selected = values.GetValueOrDefault(id);
        foreach (var choice in choices)
        {
            _html.Append("<option value=\"").Append(Html(choice.Value)).Append('"')
                .Append(string.Equals(choice.Value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)
                .Append('>').Append(Html(choice.Label)).Append("</option>\n");
        }

        _html.Append("</select>\n</div>\n");
        return this;
    }

    /// <summary>Radio buttons (one answer) or checkboxes (several) in a fieldset; the first input carries the field's id.</summary>
    public FormHtml Choices(string id, string legend, IReadOnlyList<WebChoice> choices, bool several, bool required, string? hint = null)
    {
        var chosen = (values.GetValueOrDefault(id) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _html.Append("<fieldset class=\"field\"");
        if (errors.ContainsKey(id) || hint is not null)
        {
            _html.Append(" aria-describedby=\"").Append(DescribedBy(id, hint)).Append('"');
        }

        _html.Append("><legend>").Append(Html(legend)).Append("</legend>\n");
        Hint(id, hint);
        Error(id);
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var inputId = i == 0 ? id : id + "-" + i;
            _html.Append("<label for=\"").Append(inputId).Append("\"><input type=\"").Append(several ? "checkbox" : "radio")
                .Append("\" id=\"").Append(inputId).Append("\" name=\"").Append(id).Append("\" value=\"").Append(Html(choice.Value)).Append('"');
            if (chosen.Contains(choice.Value, StringComparer.OrdinalIgnoreCase))
            {
                _html.Append(" checked");
            }

            if (required && !several && i == 0)
            {
                _html.Append(" required");
            }

            if (errors.ContainsKey(id))
            {
                _html.Append(" aria-invalid=\"true\"");
            }

            _html.Append("><span>").Append(Html(choice.Label));
            if (choice.Hint is not null)
            {
                _html.Append("<br><span class=\"hint\">").Append(Html(choice.Hint)).Append("</span>");
            }

            _html.Append("</span></label>\n");
        }

        _html.Append("</fieldset>\n");
        return this;
    }

    public FormHtml Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public string Build() => _html.ToString();

    private void Open(string id, string label, string? hint)
    {
        _html.Append("<div class=\"field\">\n<label for=\"").Append(id).Append("\">").Append(Html(label)).Append("</label>\n");
        Hint(id, hint);
        Error(id);
    }

    private void Hint(string id, string? hint)
    {
        if (hint is not null)
        {
            _html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(Html(hint)).Append("</p>\n");
        }
    }

    private void Error(string id)
    {
        if (errors.TryGetValue(id, out var message))
        {
            _html.Append("<p class=\"error\" id=\"").Append(id).Append("-error\">").Append(Html(message)).Append("</p>\n");
        }
    }

    private StringBuilder Described(string id, string? hint)
    {
        if (errors.ContainsKey(id))
        {
            _html.Append(" aria-invalid=\"true\"");
        }

        if (errors.ContainsKey(id) || hint is not null)
        {
            _html.Append(" aria-describedby=\"").Append(DescribedBy(id, hint)).Append('"');
        }

        return _html;
    }

    private string DescribedBy(string id, string? hint) =>
        string.Join(' ', new[] { errors.ContainsKey(id) ? id + "-error" : null, hint is not null ? id + "-hint" : null }.OfType<string>());
}
