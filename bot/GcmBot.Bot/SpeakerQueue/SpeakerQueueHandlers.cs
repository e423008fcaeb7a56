using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>What the handlers of the speakers' list share: who acts, and the card they get back.</summary>
public sealed class SpeakerQueueReplies(
    SpeakerQueueService service, IOptions<SpeakerQueueOptions> options, IStringLocalizer<SpeakerQueueTexts> texts, TimeProvider time)
{
    /// <summary>
    /// The person acting, or null when Teams sent no usable identity. An anonymous meeting participant (no Entra object
    /// id) is known by their Teams id, the same on every press within the meeting.
    /// </summary>
    public static QueueActor? Actor(BotTurn turn)
    {
        if (string.IsNullOrWhiteSpace(turn.User.StableId) || string.IsNullOrWhiteSpace(turn.User.Id))
        {
            return null;
        }

        // Teams always sends a name; an anonymous participant's is the one they typed to join. Without one, the
        // card says "Participant" and the last characters of the Teams id, enough to tell two such people apart.
        var name = SpeakerQueueService.Trim(turn.User.Name, SpeakerRequest.MaxNameLength)
            ?? $"Participant {turn.User.Id[Math.Max(0, turn.User.Id.Length - 4)..]}";
        var origin = turn.User.AadObjectId is null ? SpeakerOrigin.Anonymous : SpeakerOrigin.Member;
        return new QueueActor(turn.User.StableId, turn.User.Id, name, origin);
    }

    /// <summary>The outcome in words, in the turn's language.</summary>
    public string Say(QueueOutcome outcome) => SpeakerQueueWords.Outcome(texts, outcome);

    /// <summary>A text of this capability in the turn's language.</summary>
    public string Say(string key, params object[] arguments) => texts[key, arguments];

    /// <summary>
    /// The list as the person should see it now, with a note for them (and, with <paramref name="placeOf"/>, where that
    /// person stands). An Action.Execute answer is shown to the clicker only; an old-style submit would replace the
    /// shared card for everyone, so it gets the note as text.
    /// </summary>
    public async Task<CardActionResult> CardAsync(
        BotTurn turn, CardActionInput input, string? note, NoteTone tone, bool chairView, QueueActor? placeOf, CancellationToken cancellationToken) =>
        Card(turn, input, note, tone, chairView, placeOf, await service.LoadAsync(turn.ConversationId, cancellationToken));

    /// <summary>The same, from the list as the caller already has it (as the change that answers the person left it).</summary>
    public CardActionResult Card(BotTurn turn, CardActionInput input, string? note, NoteTone tone, bool chairView, QueueActor? placeOf, QueueState? state)
    {
        if (state is null)
        {
            return CardActionResult.Message(Say(QueueOutcome.Unchanged(QueueResult.NoQueue)));
        }

        if (placeOf is not null)
        {
            var place = SpeakerQueueViews.PlaceText(state, placeOf.StableId, texts);
            note = string.IsNullOrEmpty(note) ? place : $"{note} {place}";
        }

        if (!input.IsUniversalAction)
        {
            return CardActionResult.Message(string.IsNullOrEmpty(note) ? texts["Done"] : note);
        }

        // Only the person who pressed sees this card (until the shared one next changes): all of it in their language.
        var now = time.GetUtcNow();
        var model = chairView ? SpeakerQueueViews.Chair(state, options.Value, now, texts) : SpeakerQueueViews.Shared(state, options.Value, now, texts);
        if (!string.IsNullOrEmpty(note))
        {
            model = model with { Note = new PersonalNote(note, tone) };
        }

        return CardActionResult.ReplaceCard(SpeakerQueueCard.Build(model, turn.Culture));
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
    IStringLocalizer<SpeakerQueueTexts> texts,
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
                await turn.SendTextAsync(texts["JustPosted"], cancellationToken);
            }

            return;
        }

        var state = await service.LoadAsync(turn.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException("The list was created a moment ago.");
        // The shared card speaks the chat's language, whoever asked for it.
        Cards.AdaptiveCards.AdaptiveCard card;
        using (LanguageScope.Use(turn.ChatCulture))
        {
            card = SpeakerQueueCard.Build(SpeakerQueueViews.Shared(state, options.Value, now, texts), turn.ChatCulture);
        }

        var activityId = await turn.SendCardAsync(card, cancellationToken);
        if (string.IsNullOrEmpty(activityId))
        {
            return;
        }

        var previous = await service.RecordCardAsync(state.Queue.Id, activityId, state.Queue.Version, cancellationToken);
        if (previous is not null && previous != activityId)
        {
            try
            {
                await turn.UpdateCardAsync(previous, SpeakerQueueCard.BuildMoved(turn.ChatCulture), cancellationToken);
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
            return CardActionResult.Message(replies.Say("UnknownPerson"));
        }

        switch (input.Verb)
        {
            case SpeakerQueueCard.RequestVerb:
                return await RequestAsync(turn, input, person, cancellationToken);
            case SpeakerQueueCard.WithdrawVerb:
                var withdrawn = await service.WithdrawAsync(turn.ConversationId, person, cancellationToken);
                return await AnswerAsync(turn, input, person, withdrawn, cancellationToken);
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
            return CardActionResult.Message(replies.Say("ChooseKind"));
        }

        var topicText = input.Text(SpeakerQueueCard.TopicKey);
        if (input.Data.ContainsKey(SpeakerQueueCard.TopicKey) && topicText is null)
        {
            return CardActionResult.Message(replies.Say("TopicUnreadable"));
        }

        if (topicText is { Length: > SpeakerRequest.MaxTopicLength })
        {
            return CardActionResult.Message(replies.Say("TopicTooLong", topicText.Length, SpeakerRequest.MaxTopicLength));
        }

        var outcome = await service.RequestAsync(
            turn.ConversationId, person, kind.Value, SpeakerQueueService.Trim(topicText, SpeakerRequest.MaxTopicLength), GivenCategories(input), cancellationToken);
        return await AnswerAsync(turn, input, person, outcome, cancellationToken);
    }

    /// <summary>
    /// What someone who did not register said of themselves in the request form; null when they said nothing. Codes
    /// that are not in the reference lists count as not given (card data is untrusted).
    /// </summary>
    internal static SpeakerCategories? GivenCategories(CardActionInput input)
    {
        var group = input.Text(SpeakerQueueCard.GroupKey);
        var subregion = input.Text(SpeakerQueueCard.SubregionKey);
        var gender = input.Text(SpeakerQueueCard.GenderKey);
        if (string.IsNullOrEmpty(group) && string.IsNullOrEmpty(subregion) && string.IsNullOrEmpty(gender))
        {
            return null;
        }

        var given = SpeakerCategories.Of(group, subregion, gender);
        return given.IsAllUnknown ? null : given;
    }

    private async Task<CardActionResult> AnswerAsync(BotTurn turn, CardActionInput input, QueueActor person, QueueOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Result == QueueResult.NoQueue)
        {
            return CardActionResult.Message(replies.Say(outcome));
        }

        var tone = outcome.Changed ? NoteTone.Good : NoteTone.Warning;
        // "You have the floor now" says where the person stands already; the place would say it twice.
        var placeOf = outcome.Result == QueueResult.YouHaveTheFloor ? null : person;
        return outcome.After is { } after
            ? replies.Card(turn, input, replies.Say(outcome), tone, chairView: false, placeOf, after)
            : await replies.CardAsync(turn, input, replies.Say(outcome), tone, chairView: false, placeOf, cancellationToken);
    }

    private async Task<CardActionResult> ChairViewAsync(BotTurn turn, CardActionInput input, QueueActor person, CancellationToken cancellationToken)
    {
        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            // Teams refreshes the card for recent chairs; one who is no longer a presenter just gets the shared view.
            return input.Verb == SpeakerQueueCard.RefreshVerb
                ? await replies.CardAsync(turn, input, null, NoteTone.Info, chairView: false, placeOf: null, cancellationToken)
                : CardActionResult.Message(replies.Say("ChairOnly"));
        }

        var recorded = await service.RecordChairAsync(turn.ConversationId, person, cancellationToken);
        if (recorded.Result == QueueResult.NoQueue)
        {
            return CardActionResult.Message(replies.Say(recorded));
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
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (SpeakerQueueReplies.Actor(turn) is not { } chair)
        {
            return CardActionResult.Message(replies.Say("UnknownPerson"));
        }

        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            LogRefused(logger, input.Verb);
            return CardActionResult.Message(replies.Say("ChairOnly"));
        }

        if (input.Verb == SpeakerQueueCard.AddInRoomVerb && InRoom(input) is var (speaker, problem) && speaker is null)
        {
            return CardActionResult.Message(problem!);
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
            SpeakerQueueCard.SettingsVerb => ParseSettings(input) is ({ } policy, var limit)
                ? await service.ConfigureAsync(conversation, chair, policy, limit, cancellationToken)
                : null,
            SpeakerQueueCard.AddInRoomVerb => await service.AddInRoomAsync(conversation, chair, InRoom(input).Speaker!, cancellationToken),
            _ => null,
        };

        if (outcome is null)
        {
            return CardActionResult.Message(replies.Say(input.Verb switch
            {
                SpeakerQueueCard.MoveUpVerb or SpeakerQueueCard.MoveDownVerb or SpeakerQueueCard.SkipVerb or SpeakerQueueCard.RemoveVerb => "ChoosePersonFirst",
                SpeakerQueueCard.SettingsVerb => "ChooseSettings",
                _ => "OutdatedButton",
            }));
        }

        if (outcome.Result == QueueResult.NoQueue)
        {
            return CardActionResult.Message(replies.Say(outcome));
        }

        LogChairAction(logger, input.Verb, outcome.Changed);
        return await replies.CardAsync(turn, input, replies.Say(outcome), outcome.Changed ? NoteTone.Good : NoteTone.Warning, chairView: true, placeOf: null, cancellationToken);
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
            return CardActionResult.Message(replies.Say(QueueOutcome.Unchanged(QueueResult.NoQueue)));
        }

        await service.RecordChairAsync(turn.ConversationId, chair, cancellationToken);
        LogChairAction(logger, input.Verb, true);
        // The links name people: they go to the chair who asked, never into the shared chat.
        return input.IsUniversalAction
            ? CardActionResult.ReplaceCard(SpeakerExportCard.Build(export, turn.Culture))
            : CardActionResult.Message(replies.Say("ExportsPrivate"));
    }

    /// <summary>The person in the room the chair's form describes, or why it cannot be added.</summary>
    private (InRoomSpeaker? Speaker, string? Problem) InRoom(CardActionInput input)
    {
        var name = input.Text(SpeakerQueueCard.NameKey);
        var organisation = input.Text(SpeakerQueueCard.OrganisationKey);
        var topic = input.Text(SpeakerQueueCard.TopicKey);
        if (SpeakerQueueService.Trim(name, int.MaxValue) is not { } cleanName)
        {
            return (null, replies.Say("InRoom.NameMissing"));
        }

        if (cleanName.Length > SpeakerRequest.MaxNameLength || organisation is { Length: > 200 })
        {
            return (null, replies.Say("InRoom.TooLong", SpeakerRequest.MaxNameLength, 200));
        }

        if (topic is { Length: > SpeakerRequest.MaxTopicLength })
        {
            return (null, replies.Say("TopicTooLong", topic.Length, SpeakerRequest.MaxTopicLength));
        }

        var kind = input.Data.ContainsKey(SpeakerQueueCard.KindKey) ? SpeakerQueueText.ParseKind(input.Text(SpeakerQueueCard.KindKey)) : SpeechKind.Statement;
        if (kind is null)
        {
            return (null, replies.Say("ChooseKind"));
        }

        return (new InRoomSpeaker(
            cleanName,
            SpeakerQueueService.Trim(organisation, 200),
            kind.Value,
            SpeakerQueueService.Trim(topic, SpeakerRequest.MaxTopicLength),
            SpeakerQueueParticipantActions.GivenCategories(input) ?? SpeakerCategories.Unknown), null);
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
