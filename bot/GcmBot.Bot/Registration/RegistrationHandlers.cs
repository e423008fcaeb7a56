using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Registration;

/// <summary><c>register [event]</c>: the registration form, filled in with what the person told us before.</summary>
public sealed class RegisterCommand(RegistrationStore store, EventCatalogue catalogue, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await catalogue.AllAsync(cancellationToken)).Where(e => EventRules.IsOpen(e, now)).ToList();
        if (open.Count == 0)
        {
            await turn.SendTextAsync("Registration is not open for any event at the moment. Type **events** to see the catalogue.", cancellationToken);
            return;
        }

        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var active = person.Active.Select(r => r.Event.Id).ToList();
        var answers = person.Profile is { } profile
            ? RegistrationAnswers.From(profile, active)
            : new RegistrationAnswers(new Dictionary<RegistrationField, string?> { [RegistrationField.Name] = turn.User.Name });

        if (input.Arguments.Length > 0)
        {
            var wanted = open.FirstOrDefault(e => string.Equals(e.Id, input.Arguments.Trim(), StringComparison.OrdinalIgnoreCase));
            if (wanted is null)
            {
                await turn.SendTextAsync($"Registration is not open for an event called **{MarkdownSafe(input.Arguments)}**; choose from the open events below.", cancellationToken);
            }
            else
            {
                var values = answers.Values.ToDictionary();
                values[RegistrationField.Events] = string.Join(',', active.Append(wanted.Id).Distinct());
                answers = new RegistrationAnswers(values);
            }
        }

        var model = RegistrationViews.Form(answers, new Dictionary<RegistrationField, string>(), person.Profile is not null, open, turn.TimeZone);
        await turn.SendCardAsync(RegistrationFormCard.Build(model), cancellationToken);
    }

    internal static string MarkdownSafe(string text) => Cards.Common.MarkdownText.Escape(text.Length > 40 ? text[..40] + "…" : text);
}

/// <summary>
/// The form's submit button: checks every answer on the server; a problem re-shows the form with the answers kept and
/// each problem under its field; a valid form is stored (idempotently) and answered with the confirmation.
/// </summary>
public sealed partial class SubmitRegistrationAction(
    RegistrationStore store,
    EventCatalogue catalogue,
    RegistrationNotifier notifier,
    TimeProvider time,
    ILogger<SubmitRegistrationAction> logger) : ICardActionHandler
{
    public const string UnreadableText = "Sorry, I could not read that form, so nothing was saved. Type **register** to open a fresh one.";

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (turn.Scope != ConversationScopes.Personal)
        {
            return CardActionResult.Message("Registration works in a personal chat with me, to keep your answers private.");
        }

        var values = RegistrationViews.ReadForm(input.Data, RegistrationViews.FormIds);
        if (values is null)
        {
            return CardActionResult.Message(UnreadableText);
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
                RegistrationViews.Form(answers, check.Errors, before is not null, open, turn.TimeZone)));
        }

        var isUpdate = await store.ProfileAsync(turn.User.StableId, cancellationToken) is not null;
        var changes = await store.SubmitAsync(turn.User.StableId, valid, turn.TimeZone?.Id, open.Select(e => e.Id).ToList(), cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        LogStored(logger, valid.EventIds.Count, changes.Count);

        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var heading = isUpdate ? "Your registration is updated" : "You're registered";
        return CardActionResult.ReplaceCard(RegistrationSummaryCard.Build(
            RegistrationViews.Summary(person, heading, "Thank you. Here is where each of your registrations stands.", turn.TimeZone)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration form returned with {ErrorCount} problem(s)")]
    private static partial void LogInvalid(ILogger logger, int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration stored for {EventCount} event(s); {ChangeCount} other registration(s) changed")]
    private static partial void LogStored(ILogger logger, int eventCount, int changeCount);
}

/// <summary><c>my registrations</c>: what the person is registered for and where each stands.</summary>
public sealed class MyRegistrationsCommand(RegistrationStore store) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        await turn.SendCardAsync(RegistrationSummaryCard.Build(RegistrationViews.Summary(person, "Your registrations", null, turn.TimeZone)), cancellationToken);
    }
}

/// <summary><c>cancel registration &lt;event|all&gt;</c>: asks before cancelling (a waitlist place is not easily won back).</summary>
public sealed class CancelRegistrationCommand(RegistrationStore store) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        var active = person.Active.ToList();
        if (active.Count == 0)
        {
            await turn.SendTextAsync("You have no registration to cancel. Type **register** to register.", cancellationToken);
            return;
        }

        var argument = input.Arguments.Trim();
        if (argument.Length == 0 && active.Count > 1)
        {
            await turn.SendCardAsync(RegistrationSummaryCard.Build(RegistrationViews.Summary(
                person, "Which registration?", null, turn.TimeZone) with { Notice = "Press Cancel under the event you no longer want to attend." }), cancellationToken);
            return;
        }

        string target;
        string question;
        if (string.Equals(argument, RegistrationVerbs.AllEvents, StringComparison.OrdinalIgnoreCase))
        {
            target = RegistrationVerbs.AllEvents;
            question = $"Cancel all your registrations ({active.Count})? Your places go to the next people waiting.";
        }
        else
        {
            var registration = argument.Length == 0
                ? active[0]
                : active.FirstOrDefault(r => string.Equals(r.Event.Id, argument, StringComparison.OrdinalIgnoreCase));
            if (registration is null)
            {
                await turn.SendTextAsync($"You have no active registration for **{RegisterCommand.MarkdownSafe(argument)}**. Type **my registrations** to see yours.", cancellationToken);
                return;
            }

            target = registration.Event.Id;
            question = $"Cancel your registration for \"{registration.Event.Title}\"?" +
                (registration.Registration.Status == RegistrationStatus.Confirmed ? " Your place goes to the next person waiting." : string.Empty);
        }

        await turn.SendCardAsync(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            "Cancel a registration",
            question,
            [
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, "Yes, cancel", RegistrationVerbs.Yes, ActionStyle.Destructive, (RegistrationVerbs.EventKey, target)),
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, "No, keep it", RegistrationVerbs.No, ActionStyle.Default, (RegistrationVerbs.EventKey, target)),
            ])), cancellationToken);
    }
}

/// <summary>The answer to "cancel your registration?".</summary>
public sealed partial class CancelRegistrationAction(RegistrationStore store, RegistrationNotifier notifier, ILogger<CancelRegistrationAction> logger) : ICardActionHandler
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
            notice = "Nothing changed: your registrations stand as before.";
        }
        else
        {
            var eventId = target == RegistrationVerbs.AllEvents ? null : target.ToLowerInvariant();
            var (cancelled, changes) = await store.CancelAsync(turn.User.StableId, eventId, cancellationToken);
            await notifier.NotifyAsync(changes, cancellationToken);
            LogCancelled(logger, cancelled.Count, changes.Count);
            notice = cancelled.Count switch
            {
                0 => "There was nothing left to cancel: it was cancelled already.",
                1 => "Cancelled your registration. You can register again while registration is open.",
                _ => $"Cancelled your {cancelled.Count} registrations. You can register again while registration is open.",
            };
        }

        var person = await store.PersonAsync(turn.User.StableId, cancellationToken);
        return CardActionResult.ReplaceCard(RegistrationSummaryCard.Build(RegistrationViews.Summary(person, "Your registrations", notice, turn.TimeZone)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Count} registration(s); {Promotions} waitlisted person(s) confirmed")]
    private static partial void LogCancelled(ILogger logger, int count, int promotions);
}

/// <summary><c>forget me</c>: explains what will be erased, and asks.</summary>
public sealed class ForgetMeCommand : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        turn.SendCardAsync(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            "Erase your data?",
            "I will erase everything GcmBot keeps about you: your registration answers (name, e-mail, organisation and the rest), " +
            "your questions and your place in speaker queues, and the record of our chat. Your places at events are cancelled " +
            "and go to the next people waiting. Organisers keep only anonymous counts. This cannot be undone.",
            [
                RegistrationNoticeCard.Answer(RegistrationVerbs.Forget, "Erase my data", RegistrationVerbs.Yes, ActionStyle.Destructive),
                RegistrationNoticeCard.Answer(RegistrationVerbs.Forget, "Keep my data", RegistrationVerbs.No, ActionStyle.Default),
            ],
            IsWarning: true)), cancellationToken);
}

/// <summary>The answer to "erase your data?": every capability that stores personal data erases it.</summary>
public sealed partial class ForgetMeAction(IEnumerable<IPersonalDataEraser> erasers, ILogger<ForgetMeAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var answer = input.Text(RegistrationVerbs.AnswerKey);
        if (answer == RegistrationVerbs.No)
        {
            return CardActionResult.ReplaceCard(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
                "Nothing was erased", "Your data stays as it was. Type **forget me** whenever you change your mind.", [])));
        }

        if (answer != RegistrationVerbs.Yes)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var count = 0;
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(turn.User.StableId, cancellationToken);
            count++;
        }

        LogForgotten(logger, count);
        return CardActionResult.ReplaceCard(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            "Your data is erased",
            "GcmBot no longer keeps your registration answers, your registrations or anything else about you; only anonymous counts remain. " +
            "You are welcome back at any time: type **register** to register again.",
            [HelpCard.RunCommandButton("help", "What I can do")])));
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
            .Select(e => RegistrationViews.ListItem(e, counts.GetValueOrDefault(e.Id), now, turn.TimeZone))
            .ToList();
        var isOrganiser = await organisers.IsOrganiserAsync(turn, cancellationToken);
        await turn.SendCardAsync(EventListCard.Build(new EventListModel(
            shown, isOrganiser, page, page * EventListCard.PageSize < events.Count, RegistrationViews.TimeZoneNote(turn.TimeZone))), cancellationToken);
    }
}
