using GcmBot.Bot.Languages;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Registration;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Registration;

/// <summary><c>register [event]</c>: the registration form, filled in with what the person told us before.</summary>
public sealed class RegisterCommand(RegistrationStore store, EventCatalogue catalogue, TimeProvider time, IStringLocalizer<RegistrationTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await catalogue.AllAsync(cancellationToken)).Where(e => EventRules.IsOpen(e, now)).ToList();
        if (open.Count == 0)
        {
            await turn.SendTextAsync(texts["NothingOpen"], cancellationToken);
            return;
        }

        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var active = person.Active.Select(r => r.Event.Id).ToList();
        var answers = person.Profile is { } profile
            ? RegistrationAnswers.From(profile, active)
            : new RegistrationAnswers(new Dictionary<RegistrationField, string?> { [RegistrationField.Name] = turn.User.Name });
        answers = answers.With(RegistrationField.Language, SupportedLanguages.TagOf(turn.Culture));

        if (input.Arguments.Length > 0)
        {
            var wanted = open.FirstOrDefault(e => string.Equals(e.Id, input.Arguments.Trim(), StringComparison.OrdinalIgnoreCase));
            if (wanted is null)
            {
                await turn.SendTextAsync(texts["NotOpenFor", MarkdownSafe(input.Arguments)], cancellationToken);
            }
            else
            {
                answers = answers.With(RegistrationField.Events, string.Join(',', active.Append(wanted.Id).Distinct()));
            }
        }

        var model = RegistrationViews.Form(answers, new Dictionary<RegistrationField, FormProblem>(), person.Profile is not null, open, turn.TimeZone, turn.Culture);
        await turn.SendCardAsync(RegistrationFormCard.Build(model, turn.Culture), cancellationToken);
    }

    internal static string MarkdownSafe(string text) => Cards.Common.MarkdownText.Escape(text.Length > 40 ? text[..40] + "…" : text);
}

/// <summary>
/// The form's submit button: checks every answer on the server; a problem re-shows the form with the answers kept and
/// each problem under its field; a valid form is stored (idempotently), the language chosen becomes the person's, and
/// the form is answered with the confirmation in that language.
/// </summary>
public sealed partial class SubmitRegistrationAction(
    RegistrationStore store,
    EventCatalogue catalogue,
    RegistrationNotifier notifier,
    LanguageStore languages,
    TimeProvider time,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<SubmitRegistrationAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScopes.Personal)
        {
            return CardActionResult.Message(texts["PersonalOnly"]);
        }

        var values = RegistrationViews.ReadForm(input.Data, RegistrationViews.FormIds);
        if (values is null)
        {
            return CardActionResult.Message(texts["Unreadable"]);
        }

        var answers = new RegistrationAnswers(values);
        var now = time.GetUtcNow();
        var catalogueEvents = await catalogue.AllAsync(cancellationToken);
        var open = catalogueEvents.Where(e => EventRules.IsOpen(e, now)).ToList();
        var check = RegistrationValidator.Validate(answers, catalogueEvents, now);
        if (check.Valid is not { } valid)
        {
            LogInvalid(logger, check.Errors.Count);
            var before = await store.ProfileAsync(turn.User.StableId, cancellationToken);
            return CardActionResult.ReplaceCard(RegistrationFormCard.Build(
                RegistrationViews.Form(answers, check.Errors, before is not null, open, turn.TimeZone, turn.Culture), turn.Culture));
        }

        var culture = turn.Culture;
        if (SupportedLanguages.Match(valid.LanguageTag) is { } chosen && !SupportedLanguages.IsPseudo(chosen) && SupportedLanguages.TagOf(chosen) != SupportedLanguages.TagOf(culture))
        {
            await languages.ChoosePersonalAsync(turn.User.StableId, chosen, cancellationToken);
            culture = chosen;
        }

        var isUpdate = await store.ProfileAsync(turn.User.StableId, cancellationToken) is not null;
        var changes = await store.SubmitAsync(turn.User.StableId, valid, turn.TimeZone?.Id, open.Select(e => e.Id).ToList(), cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        LogStored(logger, valid.EventIds.Count, changes.Count);

        // The confirmation is in the language the person just chose.
        using var scope = LanguageScope.Use(culture);
        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var heading = isUpdate ? texts["Heading.Updated"] : texts["Heading.Registered"];
        return CardActionResult.ReplaceCard(RegistrationSummaryCard.Build(
            RegistrationViews.Summary(person, heading, texts["Registered.Notice"], turn.TimeZone, culture), culture));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration form returned with {ErrorCount} problem(s)")]
    private static partial void LogInvalid(ILogger logger, int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration stored for {EventCount} event(s); {ChangeCount} other registration(s) changed")]
    private static partial void LogStored(ILogger logger, int eventCount, int changeCount);
}

/// <summary><c>my registrations</c>: what the person is registered for and where each stands.</summary>
public sealed class MyRegistrationsCommand(RegistrationStore store, IStringLocalizer<RegistrationTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        await turn.SendCardAsync(RegistrationSummaryCard.Build(RegistrationViews.Summary(person, texts["Heading.Yours"], null, turn.TimeZone, turn.Culture), turn.Culture), cancellationToken);
    }
}

/// <summary><c>cancel registration &lt;event|all&gt;</c>: asks before cancelling (a waitlist place is not easily won back).</summary>
public sealed class CancelRegistrationCommand(RegistrationStore store, IStringLocalizer<RegistrationTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var active = person.Active.ToList();
        if (active.Count == 0)
        {
            await turn.SendTextAsync(texts["NothingToCancel"], cancellationToken);
            return;
        }

        var argument = input.Arguments.Trim();
        if (argument.Length == 0 && active.Count > 1)
        {
            await turn.SendCardAsync(RegistrationSummaryCard.Build(RegistrationViews.Summary(
                person, texts["Heading.Which"], null, turn.TimeZone, turn.Culture) with { Notice = texts["Which.Notice"] }, turn.Culture), cancellationToken);
            return;
        }

        string target;
        string question;
        if (string.Equals(argument, RegistrationVerbs.AllEvents, StringComparison.OrdinalIgnoreCase))
        {
            target = RegistrationVerbs.AllEvents;
            question = texts["Cancel.AllQuestion", active.Count];
        }
        else
        {
            var registration = argument.Length == 0
                ? active[0]
                : active.FirstOrDefault(r => string.Equals(r.Event.Id, argument, StringComparison.OrdinalIgnoreCase));
            if (registration is null)
            {
                await turn.SendTextAsync(texts["Cancel.NoneFor", RegisterCommand.MarkdownSafe(argument)], cancellationToken);
                return;
            }

            target = registration.Event.Id;
            question = registration.Registration.Status == RegistrationStatus.Confirmed
                ? texts["Cancel.QuestionConfirmed", registration.Event.Title]
                : texts["Cancel.Question", registration.Event.Title];
        }

        await turn.SendCardAsync(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            texts["Cancel.Title"],
            question,
            [
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, texts["Cancel.Yes"], RegistrationVerbs.Yes, ActionStyle.Destructive, (RegistrationVerbs.EventKey, target)),
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, texts["Cancel.No"], RegistrationVerbs.No, ActionStyle.Default, (RegistrationVerbs.EventKey, target)),
            ]), turn.Culture), cancellationToken);
    }
}

/// <summary>The answer to "cancel your registration?".</summary>
public sealed partial class CancelRegistrationAction(
    RegistrationStore store,
    RegistrationNotifier notifier,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<CancelRegistrationAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var target = input.Text(RegistrationVerbs.EventKey);
        var answer = input.Text(RegistrationVerbs.AnswerKey);
        if (string.IsNullOrEmpty(target) || target.Length > EventRules.MaxIdLength || answer is not (RegistrationVerbs.Yes or RegistrationVerbs.No))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        string notice;
        if (answer == RegistrationVerbs.No)
        {
            notice = texts["Cancel.Kept"];
        }
        else
        {
            var eventId = target == RegistrationVerbs.AllEvents ? null : target.ToLowerInvariant();
            var (cancelled, changes) = await store.CancelAsync(turn.User.StableId, eventId, cancellationToken);
            await notifier.NotifyAsync(changes, cancellationToken);
            LogCancelled(logger, cancelled.Count, changes.Count);
            notice = texts["Cancel.Done", cancelled.Count];
        }

        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        return CardActionResult.ReplaceCard(RegistrationSummaryCard.Build(RegistrationViews.Summary(person, texts["Heading.Yours"], notice, turn.TimeZone, turn.Culture), turn.Culture));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Count} registration(s); {Promotions} waitlisted person(s) confirmed")]
    private static partial void LogCancelled(ILogger logger, int count, int promotions);
}

/// <summary><c>forget me</c>: explains what will be erased, and asks.</summary>
public sealed class ForgetMeCommand(IStringLocalizer<RegistrationTexts> texts) : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        turn.SendCardAsync(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            texts["Forget.Title"],
            texts["Forget.Question"],
            [
                RegistrationNoticeCard.Answer(RegistrationVerbs.Forget, texts["Forget.Yes"], RegistrationVerbs.Yes, ActionStyle.Destructive),
                RegistrationNoticeCard.Answer(RegistrationVerbs.Forget, texts["Forget.No"], RegistrationVerbs.No, ActionStyle.Default),
            ],
            IsWarning: true), turn.Culture), cancellationToken);
}

/// <summary>The answer to "erase your data?": every capability that stores personal data erases it.</summary>
public sealed partial class ForgetMeAction(
    IEnumerable<IPersonalDataEraser> erasers,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<ForgetMeAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var answer = input.Text(RegistrationVerbs.AnswerKey);
        if (answer == RegistrationVerbs.No)
        {
            return CardActionResult.ReplaceCard(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
                texts["Forget.KeptTitle"], texts["Forget.KeptText"], []), turn.Culture));
        }

        if (answer != RegistrationVerbs.Yes)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        // The answer is written before the person's language is erased with the rest.
        var culture = turn.Culture;
        var count = 0;
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(turn.User.StableId, cancellationToken);
            count++;
        }

        LogForgotten(logger, count);
        return CardActionResult.ReplaceCard(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            texts["Forget.DoneTitle"],
            texts["Forget.DoneText"],
            [HelpCard.RunCommandButton("help", texts["Forget.Help"])]), culture));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A person asked to be forgotten; {EraserCount} capabilities erased their data")]
    private static partial void LogForgotten(ILogger logger, int eraserCount);
}

/// <summary><c>events [page]</c>: the catalogue, with what is open; organisers also get their buttons.</summary>
public sealed class EventsCommand(EventCatalogue catalogue, RegistrationStore store, Teams.Organisers.IOrganiserPolicy organisers, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = int.TryParse(input.Arguments, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 1000 ? p : 1;
        var events = await catalogue.AllAsync(cancellationToken);
        var counts = await store.CountsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var shown = events.Skip((page - 1) * EventListCard.PageSize).Take(EventListCard.PageSize)
            .Select(e => RegistrationViews.ListItem(e, counts.GetValueOrDefault(e.Id), now, turn.TimeZone, turn.Culture))
            .ToList();
        var isOrganiser = await organisers.IsOrganiserAsync(turn, cancellationToken);
        await turn.SendCardAsync(EventListCard.Build(new EventListModel(
            shown, isOrganiser, page, page * EventListCard.PageSize < events.Count, RegistrationViews.TimeZoneNote(turn.TimeZone, turn.Culture)), turn.Culture), cancellationToken);
    }
}
