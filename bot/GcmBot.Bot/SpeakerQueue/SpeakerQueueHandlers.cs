using System.Globalization;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>What the handlers of the speakers' list share: who acts, and the card they get back.</summary>
public sealed class SpeakerQueueReplies(SpeakerQueueService service, IOptions<SpeakerQueueOptions> options, TimeProvider time)
{
    public const string ChairOnlyText =
        "Sorry, only the chair can do that: the meeting's organiser and presenters, or the Regional Network secretariat. Nothing was changed.";

    public const string UnknownPersonText = "Sorry, I could not tell who you are from what Teams sent, so I changed nothing.";

    /// <summary>The person acting, or null when Teams sent no usable identity.</summary>
    public static QueueActor? Actor(BotTurn turn)
    {
        if (string.IsNullOrWhiteSpace(turn.User.StableId) || string.IsNullOrWhiteSpace(turn.User.Id))
        {
            return null;
        }

        var name = SpeakerQueueService.Trim(turn.User.Name, SpeakerRequest.MaxNameLength) ?? "A participant";
        return new QueueActor(turn.User.StableId, turn.User.Id, name);
    }

    /// <summary>
    /// The list as the person should see it now, with a note for them (and, with <paramref name="placeOf"/>, where that
    /// person stands). An Action.Execute answer is shown to the clicker only; an old-style submit would replace the
    /// shared card for everyone, so it gets the note as text.
    /// </summary>
    public Task<CardActionResult> CardAsync(
        BotTurn turn, CardActionInput input, string? note, NoteTone tone, bool chairView, QueueActor? placeOf, CancellationToken cancellationToken) =>
        CardAsync(turn, input, note, tone, chairView, placeOf, state: null, cancellationToken);

    /// <summary>The same, from a state the caller already holds (what its change committed); null reads the list.</summary>
    public async Task<CardActionResult> CardAsync(
        BotTurn turn, CardActionInput input, string? note, NoteTone tone, bool chairView, QueueActor? placeOf, QueueState? state, CancellationToken cancellationToken)
    {
        state ??= await service.LoadAsync(turn.ConversationId, cancellationToken);
        if (state is null)
        {
            return CardActionResult.Message(SpeakerQueueService.NoQueueText);
        }

        if (placeOf is not null)
        {
            var place = SpeakerQueueViews.PlaceText(state, placeOf.StableId);
            note = string.IsNullOrEmpty(note) ? place : $"{note} {place}";
        }

        if (!input.IsUniversalAction)
        {
            return CardActionResult.Message(string.IsNullOrEmpty(note) ? "Done." : note);
        }

        var now = time.GetUtcNow();
        var model = chairView ? SpeakerQueueViews.Chair(state, options.Value, now) : SpeakerQueueViews.Shared(state, options.Value, now);
        if (!string.IsNullOrEmpty(note))
        {
            model = model with { Note = new PersonalNote(note, tone) };
        }

        return CardActionResult.ReplaceCard(SpeakerQueueCard.Build(model));
    }
}

/// <summary><c>speakers</c>: shows the speakers' list of this chat (and creates it, closed, the first time).</summary>
public sealed class ShowSpeakersCommand(SpeakerQueueCardPoster poster) : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        poster.PostAsync(turn, sayIfRecent: true, cancellationToken);
}

/// <summary>Posts the shared card of a list; an older copy is replaced by a pointer, so that only one copy is live.</summary>
public sealed partial class SpeakerQueueCardPoster(
    SpeakerQueueService service,
    IOptions<SpeakerQueueOptions> options,
    TimeProvider time,
    ILogger<SpeakerQueueCardPoster> logger)
{
    /// <param name="sayIfRecent">
    /// When the card was posted moments ago it is not posted again (no spam of the chat, and a re-delivered meeting
    /// event posts once); true answers the person with a pointer to it instead of staying silent.
    /// </param>
    public async Task PostAsync(BotTurn turn, bool sayIfRecent, CancellationToken cancellationToken)
    {
        var queue = await service.EnsureAsync(turn.ConversationId, turn.MeetingId, cancellationToken);
        var now = time.GetUtcNow();
        if (queue.CardActivityId is not null && queue.CardPostedAt is { } posted &&
            now - posted < TimeSpan.FromSeconds(options.Value.RepostCooldownSeconds))
        {
            if (sayIfRecent)
            {
                await turn.SendTextAsync("The speakers' list was just posted above; it updates by itself.", cancellationToken);
            }

            return;
        }

        var state = await service.LoadAsync(turn.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException("The list was created a moment ago.");
        var activityId = await turn.SendCardAsync(SpeakerQueueCard.Build(SpeakerQueueViews.Shared(state, options.Value, now)), cancellationToken);
        if (string.IsNullOrEmpty(activityId))
        {
            return;
        }

        var previous = await service.RecordCardAsync(state.Queue.Id, activityId, state.Queue.Version, cancellationToken);
        if (previous is not null && previous != activityId)
        {
            try
            {
                await turn.UpdateCardAsync(previous, SpeakerQueueCard.BuildMoved(), cancellationToken);
            }
            catch (ErrorResponseException ex)
            {
                // The old message may have been deleted; the new card is what matters.
                LogOldCardNotReplaced(logger, ex, (int?)ex.Response?.StatusCode);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not replace the previous speakers' list card (HTTP {StatusCode})")]
    private static partial void LogOldCardNotReplaced(ILogger logger, Exception exception, int? statusCode);
}

/// <summary>What everyone can press: request the floor, withdraw, see their place, ask for the chair's controls.</summary>
public sealed class SpeakerQueueParticipantActions(
    SpeakerQueueService service,
    SpeakerQueueReplies replies,
    IModeratorPolicy moderators) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (SpeakerQueueReplies.Actor(turn) is not { } person)
        {
            return CardActionResult.Message(SpeakerQueueReplies.UnknownPersonText);
        }

        switch (input.Verb)
        {
            case SpeakerQueueCard.RequestVerb:
                return await RequestAsync(turn, input, person, cancellationToken);
            case SpeakerQueueCard.WithdrawVerb:
                var withdrawn = await service.WithdrawAsync(turn.ConversationId, person, cancellationToken);
                return await AnswerAsync(turn, input, person, withdrawn, null, cancellationToken);
            case SpeakerQueueCard.MyPlaceVerb:
                return await replies.CardAsync(turn, input, null, NoteTone.Info, chairView: false, placeOf: person, cancellationToken);
            case SpeakerQueueCard.ParticipantViewVerb:
                return await replies.CardAsync(turn, input, null, NoteTone.Info, chairView: false, placeOf: null, cancellationToken);
            case SpeakerQueueCard.ChairVerb:
            case SpeakerQueueCard.RefreshVerb:
                return await ChairViewAsync(turn, input, person, cancellationToken);
            default:
                return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }
    }

    private async Task<CardActionResult> RequestAsync(BotTurn turn, CardActionInput input, QueueActor person, CancellationToken cancellationToken)
    {
        // Card data is client input: every field is checked here, whatever the card allowed.
        var kind = input.Data.ContainsKey(SpeakerQueueCard.KindKey)
            ? SpeakerQueueText.ParseKind(input.Text(SpeakerQueueCard.KindKey))
            : SpeechKind.Statement;
        if (kind is null)
        {
            return CardActionResult.Message("Please choose the kind of intervention: statement, question, reply or point of order. Nothing was changed.");
        }

        var topicText = input.Text(SpeakerQueueCard.TopicKey);
        if (input.Data.ContainsKey(SpeakerQueueCard.TopicKey) && topicText is null)
        {
            return CardActionResult.Message("I could not read the topic you typed. Please try again. Nothing was changed.");
        }

        if (topicText is { Length: > SpeakerRequest.MaxTopicLength })
        {
            return CardActionResult.Message(
                $"Your topic is too long ({topicText.Length} characters; at most {SpeakerRequest.MaxTopicLength}). Please shorten it. Nothing was changed.");
        }

        // Answered from the list as the request's transaction left it: no second read in a crowd.
        var (outcome, state) = await service.RequestWithStateAsync(
            turn.ConversationId, person, kind.Value, SpeakerQueueService.Trim(topicText, SpeakerRequest.MaxTopicLength), cancellationToken);
        return await AnswerAsync(turn, input, person, outcome, state, cancellationToken);
    }

    private async Task<CardActionResult> AnswerAsync(
        BotTurn turn, CardActionInput input, QueueActor person, QueueOutcome outcome, QueueState? state, CancellationToken cancellationToken)
    {
        if (outcome.Note == SpeakerQueueService.NoQueueText)
        {
            return CardActionResult.Message(outcome.Note);
        }

        return await replies.CardAsync(
            turn, input, outcome.Note, outcome.Changed ? NoteTone.Good : NoteTone.Warning, chairView: false, placeOf: person, state, cancellationToken);
    }

    private async Task<CardActionResult> ChairViewAsync(BotTurn turn, CardActionInput input, QueueActor person, CancellationToken cancellationToken)
    {
        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            // Teams refreshes the card for recent chairs; one who is no longer a presenter just gets the shared view.
            return input.Verb == SpeakerQueueCard.RefreshVerb
                ? await replies.CardAsync(turn, input, null, NoteTone.Info, chairView: false, placeOf: null, cancellationToken)
                : CardActionResult.Message(SpeakerQueueReplies.ChairOnlyText);
        }

        var recorded = await service.RecordChairAsync(turn.ConversationId, person, cancellationToken);
        if (recorded.Note == SpeakerQueueService.NoQueueText)
        {
            return CardActionResult.Message(recorded.Note);
        }

        return await replies.CardAsync(turn, input, null, NoteTone.Info, chairView: true, placeOf: null, cancellationToken);
    }
}

/// <summary>The chair's controls. Every press is checked against the live meeting role; attendees change nothing.</summary>
public sealed partial class SpeakerQueueChairActions(
    SpeakerQueueService service,
    SpeakerQueueExporter exporter,
    SpeakerQueueReplies replies,
    IModeratorPolicy moderators,
    ILogger<SpeakerQueueChairActions> logger) : ICardActionHandler
{
    private const string OutdatedButtonText = "That button looks out of date. Press “Chair controls” on the list to get fresh controls. Nothing was changed.";

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (SpeakerQueueReplies.Actor(turn) is not { } chair)
        {
            return CardActionResult.Message(SpeakerQueueReplies.UnknownPersonText);
        }

        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            LogRefused(logger, input.Verb);
            return CardActionResult.Message(SpeakerQueueReplies.ChairOnlyText);
        }

        if (input.Verb == SpeakerQueueCard.ExportVerb)
        {
            return await ExportAsync(turn, input, chair, cancellationToken);
        }

        var conversation = turn.ConversationId;
        QueueOutcome? outcome = input.Verb switch
        {
            SpeakerQueueCard.NextVerb => ParseCurrent(input, out var current)
                ? await service.NextAsync(conversation, chair, current, cancellationToken)
                : null,
            SpeakerQueueCard.EndTurnVerb => ParseCurrent(input, out var current)
                ? await service.EndTurnAsync(conversation, chair, current, cancellationToken)
                : null,
            SpeakerQueueCard.OpenVerb => await service.OpenAsync(conversation, chair, cancellationToken),
            SpeakerQueueCard.CloseVerb => await service.CloseAsync(conversation, chair, cancellationToken),
            SpeakerQueueCard.ClearVerb => await service.ClearAsync(conversation, chair, cancellationToken),
            SpeakerQueueCard.MoveUpVerb or SpeakerQueueCard.MoveDownVerb or SpeakerQueueCard.SkipVerb or SpeakerQueueCard.RemoveVerb =>
                ParseRequest(input) is { } requestId ? await OnWaitingAsync(conversation, chair, input.Verb, requestId, cancellationToken) : null,
            SpeakerQueueCard.SettingsVerb => ParseSettings(input) is var (policy, limit) && policy is not null
                ? await service.ConfigureAsync(conversation, chair, policy.Value, limit, cancellationToken)
                : QueueOutcome.Unchanged("Please choose an ordering policy and one of the offered time limits. Nothing was changed."),
            _ => null,
        };

        if (outcome is null)
        {
            return CardActionResult.Message(input.Verb is SpeakerQueueCard.MoveUpVerb or SpeakerQueueCard.MoveDownVerb or SpeakerQueueCard.SkipVerb or SpeakerQueueCard.RemoveVerb
                ? "Please choose a waiting person first. Nothing was changed."
                : OutdatedButtonText);
        }

        if (outcome.Note == SpeakerQueueService.NoQueueText)
        {
            return CardActionResult.Message(outcome.Note);
        }

        LogChairAction(logger, input.Verb, outcome.Changed);
        return await replies.CardAsync(turn, input, outcome.Note, outcome.Changed ? NoteTone.Good : NoteTone.Warning, chairView: true, placeOf: null, cancellationToken);
    }

    private Task<QueueOutcome> OnWaitingAsync(string conversation, QueueActor chair, string verb, long requestId, CancellationToken cancellationToken) => verb switch
    {
        SpeakerQueueCard.MoveUpVerb => service.MoveAsync(conversation, chair, requestId, -1, cancellationToken),
        SpeakerQueueCard.MoveDownVerb => service.MoveAsync(conversation, chair, requestId, +1, cancellationToken),
        SpeakerQueueCard.SkipVerb => service.TakeOffAsync(conversation, chair, requestId, skipped: true, cancellationToken),
        _ => service.TakeOffAsync(conversation, chair, requestId, skipped: false, cancellationToken),
    };

    private async Task<CardActionResult> ExportAsync(BotTurn turn, CardActionInput input, QueueActor chair, CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(turn.ConversationId, cancellationToken);
        if (export is null)
        {
            return CardActionResult.Message(SpeakerQueueService.NoQueueText);
        }

        await service.RecordChairAsync(turn.ConversationId, chair, cancellationToken);
        LogChairAction(logger, input.Verb, true);
        // The links name people: they go to the chair who asked, never into the shared chat.
        return input.IsUniversalAction
            ? CardActionResult.ReplaceCard(SpeakerExportCard.Build(export))
            : CardActionResult.Message("Exports are sent only to the person who asks, with the list's “Chair controls”. Nothing was posted here.");
    }

    /// <summary>The speaker the chair's card showed: "none" or a request id. False when the data is malformed.</summary>
    private static bool ParseCurrent(CardActionInput input, out long? current)
    {
        current = null;
        var text = input.Text(SpeakerQueueCard.CurrentKey);
        if (text == SpeakerQueueCard.Nobody)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            current = id;
            return true;
        }

        return false;
    }

    private static long? ParseRequest(CardActionInput input) =>
        long.TryParse(input.Text(SpeakerQueueCard.RequestKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static (OrderingPolicy? Policy, int Limit) ParseSettings(CardActionInput input)
    {
        var policy = SpeakerQueueText.ParsePolicy(input.Text(SpeakerQueueCard.PolicyKey));
        var valid = int.TryParse(input.Text(SpeakerQueueCard.LimitKey), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) &&
            SpeakerQueueOptions.LimitChoices.Contains(limit);
        return valid ? (policy, limit) : (null, 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Speaker queue chair action {Verb}; changed: {Changed}")]
    private static partial void LogChairAction(ILogger logger, string verb, bool changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Speaker queue chair action {Verb} refused to a non-moderator")]
    private static partial void LogRefused(ILogger logger, string verb);
}

/// <summary>Opens the list when Teams says the meeting started (and shows it), closes it when the meeting ends.</summary>
public sealed class SpeakerQueueMeetingEvents(SpeakerQueueService service, SpeakerQueueCardPoster poster) : IConversationEventHandler
{
    public async Task OnMeetingStartedAsync(BotTurn turn, MeetingEvent meeting, CancellationToken cancellationToken)
    {
        await service.MeetingStartedAsync(turn.ConversationId, string.IsNullOrEmpty(meeting.MeetingId) ? turn.MeetingId : meeting.MeetingId, meeting.Title, cancellationToken);
        await poster.PostAsync(turn, sayIfRecent: false, cancellationToken);
    }

    public Task OnMeetingEndedAsync(BotTurn turn, MeetingEvent meeting, CancellationToken cancellationToken) =>
        service.MeetingEndedAsync(turn.ConversationId, cancellationToken);
}
