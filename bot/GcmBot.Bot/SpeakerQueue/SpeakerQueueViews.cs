using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.SpeakerQueue;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// Turns a stored list into what its card shows. Times are in GMT+7, the engagement's zone: the card is shared by
/// people in many zones, and the programme of a consultation is announced in GMT+7.
/// </summary>
public static class SpeakerQueueViews
{
    /// <summary>Chairs for whom Teams refreshes the card into their controls; well under Teams' 60.</summary>
    public const int MaxRefreshChairs = 10;

    public static SpeakerQueueCardModel Shared(QueueState state, SpeakerQueueOptions options, DateTimeOffset now)
    {
        var queue = state.Queue;
        return new SpeakerQueueCardModel(
            queue.Title,
            queue.IsOpen,
            queue.Policy.Label(),
            SpeakerQueueService.LimitText(queue.SpeakingLimitSeconds),
            Current(state, now),
            state.Order.Take(options.WaitingShownOnCard).Select(p => Line(state, p)).ToList(),
            state.Order.Count)
        {
            RefreshUserIds = state.Chairs
                .OrderByDescending(c => c.LastActedAt)
                .Take(MaxRefreshChairs)
                .Select(c => c.UserTeamsId)
                .ToList(),
        };
    }

    public static SpeakerQueueCardModel Chair(QueueState state, SpeakerQueueOptions options, DateTimeOffset now) =>
        Shared(state, options, now) with
        {
            Chair = new ChairPanel(
                state.Order
                    .Take(options.WaitingInChairPicker)
                    .Select(p => new Choice($"{p.Position}. {state.RequestAt(p).DisplayName}", p.Request.Id.ToString(CultureInfo.InvariantCulture)))
                    .ToList(),
                state.Queue.Policy.Code(),
                Enum.GetValues<OrderingPolicy>().Select(p => new Choice(p.Label(), p.Code())).ToList(),
                state.Queue.SpeakingLimitSeconds.ToString(CultureInfo.InvariantCulture),
                SpeakerQueueOptions.LimitChoices
                    .Select(s => new Choice(s == 0 ? "No limit" : SpeakerQueueService.LimitSpan(s), s.ToString(CultureInfo.InvariantCulture)))
                    .ToList()),
        };

    /// <summary>Where the person stands, for the note on the card they get back.</summary>
    public static string PlaceText(QueueState state, string userStableId)
    {
        var request = state.ActiveOf(userStableId);
        if (request is { Status: RequestStatus.Speaking })
        {
            return "You have the floor.";
        }

        var place = state.PlaceOf(userStableId);
        if (place is null)
        {
            return state.Queue.IsOpen
                ? "You are not on the list. Press “Request the floor” to ask to speak."
                : "You are not on the list. The list is closed to new requests.";
        }

        var ahead = place.Position - 1;
        var when = ahead == 0
            ? state.Current is null ? "You are next." : "You are next, after the current speaker."
            : $"{ahead} {(ahead == 1 ? "person is" : "people are")} ahead of you.";
        return $"You are number {place.Position} of {state.Order.Count} ({state.RequestAt(place).Kind.Label()}). {when}";
    }

    private static CurrentSpeakerLine? Current(QueueState state, DateTimeOffset now)
    {
        if (state.Current is not { StartedAt: { } started } current)
        {
            return null;
        }

        var zone = TimeText.ReferenceZone;
        var since = TimeZoneInfo.ConvertTime(started, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var timing = current.TimeUpAt is { } timeUp
            ? $"Speaking since {since} · {SpeakerQueueService.LimitSpan(state.Queue.SpeakingLimitSeconds)} limit, until {TimeZoneInfo.ConvertTime(timeUp, zone):HH:mm} ({TimeText.OffsetLabel(zone.BaseUtcOffset)})"
            : $"Speaking since {since} ({TimeText.OffsetLabel(zone.BaseUtcOffset)}) · no time limit";
        return new CurrentSpeakerLine(
            current.Id.ToString(CultureInfo.InvariantCulture),
            current.DisplayName,
            current.Organisation,
            current.Kind.Label(),
            current.Topic,
            timing,
            current.TimeUpAt is { } up && up <= now);
    }

    private static WaitingLine Line(QueueState state, QueuePlace place)
    {
        var request = state.RequestAt(place);
        return new WaitingLine(
            request.Id.ToString(CultureInfo.InvariantCulture),
            place.Position,
            request.DisplayName,
            request.Kind.Label(),
            request.Topic,
            place.Reason.Describe());
    }
}
