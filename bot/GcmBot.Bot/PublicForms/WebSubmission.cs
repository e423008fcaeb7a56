using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Submissions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using static GcmBot.Bot.PublicForms.WebLayout;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// A written submission on the web: the chat form's questions and consent to publish, checked by the same rules, stored
/// for the same organiser review; accepted submissions appear on <c>/submissions</c> as the author allowed.
/// </summary>
public sealed partial class WebSubmission(
    SubmissionStore store,
    WebIdentity identity,
    SubmissionViews views,
    IAntiforgery antiforgery,
    IStringLocalizer<PublicFormsTexts> texts,
    ILogger<WebSubmission> logger)
{
    private const int NameLength = 100;
    private const int EmailLength = 254;

    private static readonly IReadOnlyDictionary<SubmissionField, string> FieldIds = new Dictionary<SubmissionField, string>
    {
        [SubmissionField.Title] = "title",
        [SubmissionField.Themes] = "themes",
        [SubmissionField.Objectives] = "objectives",
        [SubmissionField.Text] = "text",
        [SubmissionField.Link] = "link",
        [SubmissionField.Organisation] = "organisation",
        [SubmissionField.Consent] = "consent",
    };

    public Task<IResult> NewFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var culture = PublicPage.Begin(context, isPrivate: false);
        var values = new Dictionary<string, string> { ["key"] = Guid.NewGuid().ToString("N") };
        return Task.FromResult(FormPage(context, culture, values, new Dictionary<string, string>(), StatusCodes.Status200OK));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (form, refusal) = await PublicPage.ReadFormAsync(context, PublicFormsCapability.SubmitPath, cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var culture = PublicPage.Begin(context, isPrivate: false);
        var values = new[] { "key", "name", "email", "organisation", "title", "themes", "objectives", "text", "link", "consent" }
            .Select(id => (id, value: PublicPage.Value(form, id)))
            .Where(v => v.value is not null)
            .ToDictionary(v => v.id, v => v.value!);
        var errors = new Dictionary<string, string>();
        var name = TypedText.SingleLine(values.GetValueOrDefault("name"));
        if (name.Length == 0 || name.Length > NameLength)
        {
            errors["name"] = name.Length == 0 ? texts["Submit.NameMissing"] : texts["Submit.TooLong", NameLength];
        }

        var email = TypedText.SingleLine(values.GetValueOrDefault("email"));
        if (email.Length > EmailLength || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors["email"] = texts["Submit.EmailInvalid"];
        }

        var check = SubmissionRules.Check(new SubmissionInput(
            values.GetValueOrDefault("title"), values.GetValueOrDefault("themes"), values.GetValueOrDefault("objectives"),
            values.GetValueOrDefault("text"), values.GetValueOrDefault("link"), values.GetValueOrDefault("organisation"), values.GetValueOrDefault("consent")));
        foreach (var (field, problem) in check.Problems)
        {
            errors[FieldIds[field]] = views.Describe(problem);
        }

        var key = values.GetValueOrDefault("key") is { Length: > 0 and <= 64 } k ? k : Guid.NewGuid().ToString("N");
        if (errors.Count > 0 || check.Content is null)
        {
            LogInvalid(logger, errors.Count);
            values["key"] = key;
            return FormPage(context, culture, values, errors, StatusCodes.Status422UnprocessableEntity);
        }

        var person = await identity.OfEmailAsync(email, cancellationToken);
        // The same form sent twice (a double click, a reload) is one submission: the form's key makes it so.
        var result = await store.CreateAsync("web:" + key, new SubmissionAuthor(person.StableId, name), check.Content, cancellationToken);
        if (result.Outcome == SubmissionOutcome.TooMany)
        {
            return PublicPage.Message(context, StatusCodes.Status422UnprocessableEntity, "Submit.TooManyTitle", "Submit.TooMany", PublicFormsCapability.SubmitPath);
        }

        if (result.Submission is null)
        {
            return PublicPage.Message(context, StatusCodes.Status400BadRequest, "Expired.Title", "Expired.Text", PublicFormsCapability.SubmitPath);
        }

        LogReceived(logger, result.Submission.Id);
        return PublicPage.Message(context, StatusCodes.Status200OK, "Submit.ThanksTitle", "Submit.Thanks", PublicFormsCapability.SubmitPath, result.Submission.Id);
    }

    private IResult FormPage(HttpContext context, CultureInfo culture, Dictionary<string, string> values, Dictionary<string, string> errors, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var order = new[] { "name", "email", "organisation", "title", "themes", "objectives", "text", "link", "consent" };
        var html = new StringBuilder();
        html.Append(FormHtml.ErrorSummary(texts["Form.ProblemsHeading"], order.Where(errors.ContainsKey).Select(id => (id, errors[id])).ToList()));
        html.Append("<p>").Append(Html(texts["Submit.Intro"])).Append("</p>\n<p class=\"hint\">").Append(Html(texts["Form.RequiredNote"])).Append("</p>\n");
        var form = new FormHtml(values, errors)
            .Hidden(tokens.FormFieldName, tokens.RequestToken!)
            .Hidden("key", values["key"])
            .Trap(RegistrationPages.TrapField, texts["Form.Trap"])
            .Raw("<h2>" + Html(texts["Register.AboutYou"]) + "</h2>\n")
            .Text("name", texts["Register.Name"], NameLength, required: true, autocomplete: "name")
            .Text("email", texts["Register.Email"], EmailLength, required: true, type: "email", autocomplete: "email", hint: texts["Submit.EmailHint"])
            .Text("organisation", texts["Register.Organisation"], SubmissionRules.MaxOrganisationLength, required: false, autocomplete: "organization")
            .Raw("<h2>" + Html(texts["Submit.YourSubmission"]) + "</h2>\n")
            .Text("title", texts["Submit.Title"], SubmissionRules.MaxTitleLength, required: true)
            .Choices("themes", texts["Submit.Themes"], GcmReference.Themes.Select(t => new WebChoice(t.Code.ToString(), t.LabelIn(culture))).ToList(), several: true, required: false)
            .Choices("objectives", texts["Submit.Objectives"], GcmReference.Objectives.Select(o => new WebChoice(o.Number.ToString(CultureInfo.InvariantCulture), texts["Submit.Objective", o.Number, o.TitleIn(culture)])).ToList(), several: true, required: false, hint: texts["Submit.ObjectivesHint"])
            .TextArea("text", texts["Submit.Text"], SubmissionRules.MaxTextLength, required: false, hint: texts["Submit.TextHint"])
            .Text("link", texts["Submit.Link"], SubmissionRules.MaxLinkLength, required: false, type: "url", hint: texts["Submit.LinkHint"])
            .Choices("consent", texts["Submit.Consent"],
            [
                new("name", texts["Submit.ConsentName"]),
                new("organisation", texts["Submit.ConsentOrganisation"]),
                new("secretariat", texts["Submit.ConsentSecretariat"]),
            ], several: false, required: true)
            .Raw("<p><button type=\"submit\">" + Html(texts["Submit.Send"]) + "</button></p>\n")
            .Build();
        html.Append("<form method=\"post\" action=\"").Append(Html(PublicCulture.Keep(PublicFormsCapability.SubmitPath, culture))).Append("\" novalidate>\n").Append(form).Append("</form>\n");
        return PublicPage.Html(context, culture, texts, texts["Submit.PageTitle"], html.ToString(), status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A web submission had {ProblemCount} problems; nothing stored")]
    private static partial void LogInvalid(ILogger logger, int problemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web submission #{SubmissionId} received")]
    private static partial void LogReceived(ILogger logger, int submissionId);
}
