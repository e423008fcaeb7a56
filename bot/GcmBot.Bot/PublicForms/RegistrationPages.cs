using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using Microsoft.Extensions.Localization;
using static GcmBot.Bot.PublicForms.WebLayout;

namespace GcmBot.Bot.PublicForms;

/// <summary>The web registration form, the page a person sees after sending it, and their private page.</summary>
public static class RegistrationPages
{
    public const string TrapField = "website";

    /// <summary>The form's field names, one per question of the chat form.</summary>
    public static IReadOnlyDictionary<RegistrationField, string> FieldIds { get; } = new Dictionary<RegistrationField, string>
    {
        [RegistrationField.Name] = "name",
        [RegistrationField.Email] = "email",
        [RegistrationField.Organisation] = "organisation",
        [RegistrationField.Group] = "group",
        [RegistrationField.Country] = "country",
        [RegistrationField.Gender] = "gender",
        [RegistrationField.MigrantVoice] = "voice",
        [RegistrationField.Themes] = "themes",
        [RegistrationField.Events] = "events",
        [RegistrationField.Contribution] = "contribution",
        [RegistrationField.Needs] = "needs",
        [RegistrationField.Consent] = "consent",
    };

    public static string Form(
        IStringLocalizer texts,
        CultureInfo culture,
        string title,
        string action,
        string antiforgeryField,
        string antiforgeryToken,
        IReadOnlyList<CatalogueEvent> openEvents,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<RegistrationField, string> problems,
        bool isChange)
    {
        var errors = problems.ToDictionary(p => FieldIds[p.Key], p => p.Value);
        var ordered = FieldIds.Where(f => problems.ContainsKey(f.Key)).Select(f => (f.Value, problems[f.Key])).ToList();
        var html = new StringBuilder();
        html.Append(FormHtml.ErrorSummary(texts["Form.ProblemsHeading"], ordered));
        html.Append("<p>").Append(Html(isChange ? texts["Register.ChangeIntro"] : texts["Register.Intro"])).Append("</p>\n")
            .Append("<p class=\"hint\">").Append(Html(texts["Form.RequiredNote"])).Append("</p>\n");

        var events = openEvents.Select(e => new WebChoice(e.Id, e.Title, e.StartsAt is { } start ? PublicCulture.EventTime(start, culture) : null)).ToList();
        var form = new FormHtml(values, errors)
            .Hidden(antiforgeryField, antiforgeryToken)
            .Trap(TrapField, texts["Form.Trap"])
            .Raw("<h2>" + Html(texts["Register.AboutYou"]) + "</h2>\n")
            .Text("name", texts["Register.Name"], RegistrationLimits.NameLength, required: true, autocomplete: "name")
            .Text("email", texts["Register.Email"], RegistrationLimits.EmailLength, required: true, type: "email", autocomplete: "email", hint: texts["Register.EmailHint"])
            .Text("organisation", texts["Register.Organisation"], RegistrationLimits.OrganisationLength, required: false, autocomplete: "organization")
            .Select("group", texts["Register.Group"], texts["Form.Choose"], StakeholderReference.Groups.Select(g => new WebChoice(g.Code, g.LabelIn(culture))).ToList(), required: true)
            .Select("country", texts["Register.Country"], texts["Form.Choose"], Countries(culture), required: true, hint: texts["Register.CountryHint"])
            .Choices("gender", texts["Register.Gender"], StakeholderReference.Genders.Select(g => new WebChoice(g.Code, g.LabelIn(culture))).ToList(), several: false, required: false, hint: texts["Register.Optional"])
            .Choices("voice", texts["Register.Voice"], [new(RegistrationChoices.Migrant, texts["Register.VoiceMigrant"]), new(RegistrationChoices.Advocate, texts["Register.VoiceAdvocate"])], several: true, required: false, hint: texts["Register.Optional"])
            .Raw("<h2>" + Html(texts["Register.WhatToAttend"]) + "</h2>\n")
            .Choices("events", texts["Register.Events"], events, several: true, required: false)
            .Choices("contribution", texts["Register.Contribution"], [new(RegistrationChoices.Speak, texts["Register.Speak"]), new(RegistrationChoices.Panel, texts["Register.Panel"])], several: true, required: false, hint: texts["Register.Optional"])
            .TextArea("needs", texts["Register.Needs"], RegistrationLimits.NeedsLength, required: false, hint: texts["Register.NeedsHint"])
            .Raw("<h2>" + Html(texts["Register.ConsentHeading"]) + "</h2>\n<p>" + Html(texts["Register.ConsentStatement"]) + "</p>\n")
            .Choices("consent", texts["Register.Consent"], [new(RegistrationChoices.Yes, texts["Register.ConsentYes"])], several: true, required: false)
            .Raw("<p><button type=\"submit\">" + Html(isChange ? texts["Register.SaveChanges"] : texts["Register.Send"]) + "</button></p>\n")
            .Build();
        html.Append("<form method=\"post\" action=\"").Append(Html(action)).Append("\" novalidate>\n").Append(form).Append("</form>\n");
        return html.ToString();
    }

    /// <summary>The person's private page: where each registration stands, and what they can do.</summary>
    public static string Status(
        IStringLocalizer texts,
        CultureInfo culture,
        PersonRegistrations person,
        string manageBase,
        string antiforgeryField,
        string antiforgeryToken,
        DateTimeOffset linkExpiresAt,
        string? notice)
    {
        var html = new StringBuilder();
        if (notice is not null)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>").Append(Html(notice)).Append("</p></div>\n");
        }

        html.Append("<p>").Append(Html(texts["Manage.KeepLink", PublicCulture.EventTime(linkExpiresAt, culture)])).Append("</p>\n");
        var active = person.Active.ToList();
        html.Append("<h2>").Append(Html(texts["Manage.Registrations"])).Append("</h2>\n");
        if (active.Count == 0)
        {
            html.Append("<p>").Append(Html(texts["Manage.NoRegistrations"])).Append("</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption class=\"hint\">").Append(Html(texts["Manage.TableCaption"])).Append("</caption>\n<thead><tr><th scope=\"col\">")
                .Append(Html(texts["Manage.Event"])).Append("</th><th scope=\"col\">").Append(Html(texts["Manage.Status"]))
                .Append("</th><th scope=\"col\"><span class=\"sr-only\">").Append(Html(texts["Manage.Actions"])).Append("</span></th></tr></thead>\n<tbody>\n");
            foreach (var view in active)
            {
                var when = view.Event.StartsAt is { } start ? "<br><span class=\"hint\">" + Html(PublicCulture.EventTime(start, culture)) + "</span>" : string.Empty;
                html.Append("<tr><td>").Append(Html(view.Event.Title)).Append(when).Append("</td><td>")
                    .Append(Html(StatusText(texts, view))).Append("</td><td>")
                    .Append("<form method=\"post\" action=\"").Append(Html(PublicCulture.Keep(manageBase + "/cancel", culture))).Append("\">")
                    .Append("<input type=\"hidden\" name=\"").Append(Html(antiforgeryField)).Append("\" value=\"").Append(Html(antiforgeryToken)).Append("\">")
                    .Append("<input type=\"hidden\" name=\"event\" value=\"").Append(Html(view.Event.Id)).Append("\">")
                    .Append("<button type=\"submit\" class=\"secondary\">").Append(Html(texts["Manage.Cancel", view.Event.Title])).Append("</button></form>")
                    .Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>").Append(Html(texts["Manage.ChangeHeading"])).Append("</h2>\n<p><a href=\"")
            .Append(Html(PublicCulture.Keep(manageBase + "/edit", culture))).Append("\">").Append(Html(texts["Manage.Change"])).Append("</a></p>\n");

        html.Append("<h2>").Append(Html(texts["Manage.EraseHeading"])).Append("</h2>\n<p>").Append(Html(texts["Manage.EraseExplained"])).Append("</p>\n")
            .Append("<form method=\"post\" action=\"").Append(Html(PublicCulture.Keep(manageBase + "/erase", culture))).Append("\">\n")
            .Append(new FormHtml(new Dictionary<string, string>(), new Dictionary<string, string>())
                .Hidden(antiforgeryField, antiforgeryToken)
                .Choices("confirm", texts["Manage.EraseConfirmLegend"], [new("yes", texts["Manage.EraseConfirm"])], several: true, required: false)
                .Build())
            .Append("<p><button type=\"submit\" class=\"danger\">").Append(Html(texts["Manage.Erase"])).Append("</button></p>\n</form>\n");
        return html.ToString();
    }

    public static string StatusText(IStringLocalizer texts, RegistrationView view) => view.Registration.Status switch
    {
        RegistrationStatus.Confirmed => texts["Status.Confirmed"],
        RegistrationStatus.Waitlisted => view.WaitlistPosition is { } position ? texts["Status.WaitlistedAt", position] : texts["Status.Waitlisted"],
        RegistrationStatus.Pending => texts["Status.Pending"],
        RegistrationStatus.Declined => texts["Status.Declined"],
        _ => texts["Status.Cancelled"],
    };

    private static List<WebChoice> Countries(CultureInfo culture)
    {
        var compare = StringComparer.Create(culture, ignoreCase: true);
        return StakeholderReference.Countries
            .Select(c => new WebChoice(c.Code, c.NameIn(culture)))
            .OrderBy(c => c.Value == StakeholderReference.Other ? 1 : 0)
            .ThenBy(c => c.Label, compare)
            .ToList();
    }
}
