using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// Turns a stored list into what its card shows. Times are in GMT+7, the engagement's zone: the card is shared by
/// people in many zones, and the programme of a consultation is announced in GMT+7. Words come in the localizer's
/// current language: the chat's for the shared card, the person's for the card only they see.
/// </summary>
public static class SpeakerQueueViews
{
    /// <summary>Chairs for whom Teams refreshes the card into their controls; well under Teams' 60.</summary>
    public const int MaxRefreshChairs = 10;

    public static SpeakerQueueCardModel Shared(QueueState state, SpeakerQueueOptions options, DateTimeOffset now, IStringLocalizer t)
    {
        var queue = state.Queue;
        return new SpeakerQueueCardModel(
            queue.Title,
            queue.IsOpen,
            SpeakerQueueWords.Policy(t, queue.Policy),
            SpeakerQueueWords.Limit(t, queue.SpeakingLimitSeconds),
            Current(state, now, t),
            state.Order.Take(options.WaitingShownOnCard).Select(p => Line(state, p, t)).ToList(),
            state.Order.Count)
        {
            RefreshUserIds = state.Chairs
                .OrderByDescending(c => c.LastActedAt)
                .Take(MaxRefreshChairs)
                .Select(c => c.UserTeamsId)
                .ToList(),
            // Anyone may not have registered (guests, anonymous participants): the form offers, optionally, to say.
            Categories = SpeakerQueueWords.Categories(t),
        };
    }

    public static SpeakerQueueCardModel Chair(QueueState state, SpeakerQueueOptions options, DateTimeOffset now, IStringLocalizer t) =>
        Shared(state, options, now, t) with
        {
            Chair = new ChairPanel(
                state.Order
                    .Take(options.WaitingInChairPicker)
                    .Select(p => new Choice($"{p.Position}. {state.RequestAt(p).DisplayName}", p.Request.Id.ToString(CultureInfo.InvariantCulture)))
                    .ToList(),
                state.Queue.Policy.Code(),
                Enum.GetValues<OrderingPolicy>().Select(p => new Choice(SpeakerQueueWords.Policy(t, p), p.Code())).ToList(),
                state.Queue.SpeakingLimitSeconds.ToString(CultureInfo.InvariantCulture),
                SpeakerQueueOptions.LimitChoices
                    .Select(s => new Choice(s == 0 ? t["Limit.NoLimitChoice"] : SpeakerQueueWords.Span(t, s), s.ToString(CultureInfo.InvariantCulture)))
                    .ToList()),
        };

    /// <summary>Where the person stands, for the note on the card they get back.</summary>
    public static string PlaceText(QueueState state, string userStableId, IStringLocalizer t)
    {
        var request = state.ActiveOf(userStableId);
        if (request is { Status: RequestStatus.Speaking })
        {
            return t["Place.Speaking"];
        }

        var place = state.PlaceOf(userStableId);
        if (place is null)
        {
            return state.Queue.IsOpen ? t["Place.NotOnListOpen"] : t["Place.NotOnListClosed"];
        }

        var ahead = place.Position - 1;
        string when = ahead == 0
            ? state.Current is null ? t["Place.Next"] : t["Place.NextAfterCurrent"]
            : t["Place.Ahead", ahead];
        var text = $"{t["Place.Number", place.Position, state.Order.Count, SpeakerQueueWords.Kind(t, state.RequestAt(place).Kind)]} {when}";

        // The balanced order is only as good as what it knows: say so to the person it knows nothing of.
        return state.Queue.Policy == OrderingPolicy.Balanced && place.Request.Categories.IsAllUnknown
            ? $"{text} {t["Place.NothingKnown"]}"
            : text;
    }

    private static CurrentSpeakerLine? Current(QueueState state, DateTimeOffset now, IStringLocalizer t)
    {
        if (state.Current is not { StartedAt: { } started } current)
        {
            return null;
        }

        var zone = TimeText.ReferenceZone;
        var since = TimeZoneInfo.ConvertTime(started, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        string timing = current.TimeUpAt is { } timeUp
            ? t[
                "Timing.WithLimit",
                since,
                SpeakerQueueWords.Span(t, state.Queue.SpeakingLimitSeconds),
                TimeZoneInfo.ConvertTime(timeUp, zone).ToString("HH:mm", CultureInfo.InvariantCulture),
                TimeText.OffsetLabel(zone.BaseUtcOffset)]
            : t["Timing.NoLimit", since, TimeText.OffsetLabel(zone.BaseUtcOffset)];
        return new CurrentSpeakerLine(
            current.Id.ToString(CultureInfo.InvariantCulture),
            current.DisplayName,
            current.Organisation,
            SpeakerQueueWords.Kind(t, current.Kind),
            current.Topic,
            timing,
            current.TimeUpAt is { } up && up <= now);
    }

    private static WaitingLine Line(QueueState state, QueuePlace place, IStringLocalizer t)
    {
        var request = state.RequestAt(place);
        return new WaitingLine(
            request.Id.ToString(CultureInfo.InvariantCulture),
            place.Position,
            request.DisplayName,
            SpeakerQueueWords.Kind(t, request.Kind),
            request.Topic,
            SpeakerQueueWords.Reason(t, place.Reason),
            request.Origin == SpeakerOrigin.InRoom);
    }
}
