using GcmBot.Bot.Participants;
using GcmBot.Bot.Registration;
using GcmBot.Cards.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// Registration on the web: the chat form's questions, validation, consent, capacity, waitlist and balance rules, in the
/// same store. A new person gets a private link to their registration; an e-mail address already registered (in Teams
/// or on the web) only adds the events asked for: this form cannot read or change someone else's answers.
/// </summary>
public sealed partial class WebRegistration(
    RegistrationStore store,
    EventCatalogue catalogue,
    RegistrationNotifier notifier,
    WebIdentity identity,
    ManageLinkStore links,
    IEnumerable<IPersonalDataEraser> erasers,
    IAntiforgery antiforgery,
    IStringLocalizer<PublicFormsTexts> texts,
    IOptions<PublicFormsOptions> options,
    TimeProvider time,
    ILogger<WebRegistration> logger)
{
    public async Task<IResult> NewFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var culture = PublicPage.Begin(context, isPrivate: false);
        var values = new Dictionary<string, string>();
        if (context.Request.Query["event"].ToString() is { Length: > 0 } wanted)
        {
            values["events"] = wanted;
        }

        return await FormPageAsync(context, culture, PublicFormsCapability.RegisterPath, values, new Dictionary<RegistrationField, FormProblem>(), isChange: false, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (form, refusal) = await PublicPage.ReadFormAsync(context, PublicFormsCapability.RegisterPath, cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var culture = PublicPage.Begin(context, isPrivate: false);
        var open = await OpenEventsAsync(cancellationToken);
        var (answers, values) = await AnswersAsync(form, cancellationToken);
        var check = RegistrationValidator.Validate(answers, await catalogue.AllAsync(cancellationToken), time.GetUtcNow());
        if (check.Valid is not { } valid)
        {
            LogInvalid(logger, check.Errors.Count);
            return await FormPageAsync(context, culture, PublicFormsCapability.RegisterPath, values, check.Errors, isChange: false, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var person = await identity.OfEmailAsync(valid.Profile.Email, cancellationToken);
        var alreadyKnown = await store.ProfileAsync(person.StableId, cancellationToken) is not null;
        if (alreadyKnown)
        {
            // Someone typed an address that is registered already: add the events asked for, change nothing else, show nothing else.
            var added = await store.AddEventsAsync(person.StableId, valid, cancellationToken);
            await notifier.NotifyAsync(added, cancellationToken);
            LogKnownAddress(logger, valid.EventIds.Count);
            return PublicPage.Message(context, StatusCodes.Status200OK, "Known.Title", person.IsKnownFromTeams ? "Known.TextTeams" : "Known.TextWeb");
        }

        var changes = await store.SubmitAsync(person.StableId, valid, TimeText.ReferenceZoneId, open.Select(e => e.Id).ToList(), cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        var secret = await links.IssueAsync(person.StableId, await LinkExpiryAsync(cancellationToken), cancellationToken);
        LogRegistered(logger, valid.EventIds.Count);
        return Results.Redirect(PublicCulture.Keep(ManageBase(secret), culture) + "&done=registered", permanent: false, preserveMethod: false);
    }

    public async Task<IResult> StatusAsync(HttpContext context, string secret, CancellationToken cancellationToken)
    {
        var culture = PublicPage.Begin(context, isPrivate: true);
        if (await links.ResolveAsync(secret, cancellationToken) is not { } personId)
        {
            return UnknownLink(context);
        }

        var person = await store.PersonAsync(personId, cancellationToken);
        var notice = context.Request.Query["done"].ToString() switch
        {
            "registered" => texts["Done.Registered"].Value,
            "changed" => texts["Done.Changed"].Value,
            "cancelled" => texts["Done.Cancelled"].Value,
            _ => null,
        };
        var tokens = antiforgery.GetAndStoreTokens(context);
        var content = RegistrationPages.Status(texts, culture, person, ManageBase(secret), tokens.FormFieldName, tokens.RequestToken!, await LinkExpiryAsync(cancellationToken), notice);
        return PublicPage.Html(context, culture, texts, texts["Manage.Title"], content);
    }

    public async Task<IResult> EditFormAsync(HttpContext context, string secret, CancellationToken cancellationToken)
    {
        var culture = PublicPage.Begin(context, isPrivate: true);
        if (await links.ResolveAsync(secret, cancellationToken) is not { } personId)
        {
            return UnknownLink(context);
        }

        var person = await store.PersonAsync(personId, cancellationToken);
        var values = person.Profile is null
            ? new Dictionary<string, string>()
            : RegistrationAnswers.From(person.Profile, person.Active.Select(r => r.Event.Id)).Values
                .Where(v => v.Value is not null && v.Key != RegistrationField.Consent)
                .ToDictionary(v => RegistrationPages.FieldIds[v.Key], v => v.Value!);
        return await FormPageAsync(context, culture, ManageBase(secret) + "/edit", values, new Dictionary<RegistrationField, FormProblem>(), isChange: true, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> ChangeAsync(HttpContext context, string secret, CancellationToken cancellationToken)
    {
        var (form, refusal) = await PublicPage.ReadFormAsync(context, ManageBase(secret), cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var culture = PublicPage.Begin(context, isPrivate: true);
        if (await links.ResolveAsync(secret, cancellationToken) is not { } personId)
        {
            return UnknownLink(context);
        }

        var (answers, values) = await AnswersAsync(form, cancellationToken);
        var check = RegistrationValidator.Validate(answers, await catalogue.AllAsync(cancellationToken), time.GetUtcNow());
        if (check.Valid is not { } valid)
        {
            LogInvalid(logger, check.Errors.Count);
            return await FormPageAsync(context, culture, ManageBase(secret) + "/edit", values, check.Errors, isChange: true, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var open = await OpenEventsAsync(cancellationToken);
        var changes = await store.SubmitAsync(personId, valid, TimeText.ReferenceZoneId, open.Select(e => e.Id).ToList(), cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        return Results.Redirect(PublicCulture.Keep(ManageBase(secret), culture) + "&done=changed");
    }

    public async Task<IResult> CancelAsync(HttpContext context, string secret, CancellationToken cancellationToken)
    {
        var (form, refusal) = await PublicPage.ReadFormAsync(context, ManageBase(secret), cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var culture = PublicPage.Begin(context, isPrivate: true);
        if (await links.ResolveAsync(secret, cancellationToken) is not { } personId)
        {
            return UnknownLink(context);
        }

        var eventId = form["event"].ToString();
        if (eventId.Length == 0)
        {
            return PublicPage.Message(context, StatusCodes.Status400BadRequest, "Expired.Title", "Expired.Text", ManageBase(secret));
        }

        var (_, changes) = await store.CancelAsync(personId, eventId, cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        return Results.Redirect(PublicCulture.Keep(ManageBase(secret), culture) + "&done=cancelled");
    }

    public async Task<IResult> EraseAsync(HttpContext context, string secret, CancellationToken cancellationToken)
    {
        var (form, refusal) = await PublicPage.ReadFormAsync(context, ManageBase(secret), cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        PublicPage.Begin(context, isPrivate: true);
        if (await links.ResolveAsync(secret, cancellationToken) is not { } personId)
        {
            return UnknownLink(context);
        }

        if (form["confirm"].ToString() != "yes")
        {
            return PublicPage.Message(context, StatusCodes.Status422UnprocessableEntity, "Erase.NotConfirmedTitle", "Erase.NotConfirmed", ManageBase(secret));
        }

        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(personId, cancellationToken);
        }

        LogErased(logger);
        return PublicPage.Message(context, StatusCodes.Status200OK, "Erase.DoneTitle", "Erase.Done", PublicFormsCapability.RegisterPath);
    }

    private async Task<IResult> FormPageAsync(
        HttpContext context,
        System.Globalization.CultureInfo culture,
        string action,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<RegistrationField, FormProblem> problems,
        bool isChange,
        int status,
        CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var open = await OpenEventsAsync(cancellationToken);
        var content = open.Count == 0
            ? "<p>" + WebLayout.Html(texts["Register.NothingOpen"]) + "</p>\n"
            : RegistrationPages.Form(texts, culture, texts["Register.Title"], PublicCulture.Keep(action, culture), tokens.FormFieldName, tokens.RequestToken!, open, values,
                problems.ToDictionary(p => p.Key, p => RegistrationViews.Problem(p.Value, culture)), isChange);
        return PublicPage.Html(context, culture, texts, isChange ? texts["Register.ChangeTitle"] : texts["Register.Title"], content, status);
    }

    private async Task<(RegistrationAnswers Answers, Dictionary<string, string> Values)> AnswersAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        var answers = new Dictionary<RegistrationField, string?>();
        foreach (var (field, id) in RegistrationPages.FieldIds)
        {
            var value = PublicPage.Value(form, id);
            answers[field] = value;
            if (value is not null)
            {
                values[id] = value;
            }
        }

        // The theme of a consultation comes from the consultation: the form does not ask for it again.
        var all = await catalogue.AllAsync(cancellationToken);
        var chosen = RegistrationValidator.SplitChoices(answers[RegistrationField.Events]);
        answers[RegistrationField.Themes] = string.Join(',', all.Where(e => chosen.Contains(e.Id, StringComparer.OrdinalIgnoreCase)).SelectMany(e => e.Themes).Distinct());
        return (new RegistrationAnswers(answers), values);
    }

    private async Task<IReadOnlyList<CatalogueEvent>> OpenEventsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await catalogue.AllAsync(cancellationToken)).Where(e => EventRules.IsOpen(e, now)).ToList();
    }

    /// <summary>A private link lasts as long as the engagement: until some days after its last event.</summary>
    private async Task<DateTimeOffset> LinkExpiryAsync(CancellationToken cancellationToken)
    {
        var last = (await catalogue.AllAsync(cancellationToken)).Select(e => e.EndsAt ?? e.StartsAt).Max();
        var now = time.GetUtcNow();
        var end = last is { } l && l > now ? l : now;
        return end.AddDays(options.Value.LinkDaysAfterLastEvent);
    }

    private IResult UnknownLink(HttpContext context) =>
        PublicPage.Message(context, StatusCodes.Status404NotFound, "UnknownLink.Title", "UnknownLink.Text", PublicFormsCapability.RegisterPath);

    private static string ManageBase(string secret) => PublicFormsCapability.ManagePath + "/" + Uri.EscapeDataString(secret);

    [LoggerMessage(Level = LogLevel.Information, Message = "A web registration had {ProblemCount} problems; nothing stored")]
    private static partial void LogInvalid(ILogger logger, int problemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "A web registration for {EventCount} events was stored")]
    private static partial void LogRegistered(ILogger logger, int eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "A web registration for {EventCount} events used an address already registered; only events were added")]
    private static partial void LogKnownAddress(ILogger logger, int eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "A person erased their data from their private registration page")]
    private static partial void LogErased(ILogger logger);
}
