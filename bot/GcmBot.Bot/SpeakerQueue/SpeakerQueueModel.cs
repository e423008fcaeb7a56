using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>What a person asks the floor for. A point of order goes before everyone else.</summary>
public enum SpeechKind { Statement, Question, Reply, PointOfOrder }

/// <summary>How the chair wants the next speaker chosen, per consultation.</summary>
public enum OrderingPolicy
{
    /// <summary>In the order people asked.</summary>
    FirstComeFirstServed,

    /// <summary>People who have not spoken yet in this consultation before those who have, each in the order they asked.</summary>
    FirstTimeFirst,

    /// <summary>The person whose stakeholder group, ESCAP subregion and gender have had the fewest turns so far.</summary>
    Balanced,
}

/// <summary>
/// Where a request stands. A request that leaves the list without having had the floor (withdrawn, skipped, removed,
/// cleared) is deleted: nothing about it is worth keeping.
/// </summary>
public enum RequestStatus { Waiting, Speaking, Done }

/// <summary>Where a person on the list takes part from, which decides how they are told things.</summary>
public enum SpeakerOrigin
{
    /// <summary>Signed in with an Entra account (a member of the tenant, or a guest): told in their personal chat when they have one.</summary>
    Member,

    /// <summary>
    /// Joined the meeting anonymously (no Entra object id; Teams' userRole "anonymous"). The bot cannot open a personal
    /// chat with them, so what concerns them alone comes in the card they press or as a mention in the meeting chat.
    /// </summary>
    Anonymous,

    /// <summary>In the room of a hybrid consultation, added by the chair; never told anything by the bot.</summary>
    InRoom,
}

/// <summary>Codes of the domain's values, as cards send them back.</summary>
public static class SpeakerQueueText
{
    /// <summary>Parses a code sent back by a card; null for anything else (card data is untrusted).</summary>
    public static SpeechKind? ParseKind(string? code) => code switch
    {
        "statement" => SpeechKind.Statement,
        "question" => SpeechKind.Question,
        "reply" => SpeechKind.Reply,
        "point-of-order" => SpeechKind.PointOfOrder,
        _ => null,
    };

    public static string Code(this SpeechKind kind) => kind switch
    {
        SpeechKind.PointOfOrder => "point-of-order",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static OrderingPolicy? ParsePolicy(string? code) => code switch
    {
        "fifo" => OrderingPolicy.FirstComeFirstServed,
        "first-time" => OrderingPolicy.FirstTimeFirst,
        "balanced" => OrderingPolicy.Balanced,
        _ => null,
    };

    public static string Code(this OrderingPolicy policy) => policy switch
    {
        OrderingPolicy.FirstComeFirstServed => "fifo",
        OrderingPolicy.FirstTimeFirst => "first-time",
        _ => "balanced",
    };
}

/// <summary>
/// The three categories the balance of speakers is measured by, as reference codes. A speaker who is not registered,
/// or did not give a value, or gave one that is no longer a valid code, counts as <see cref="StakeholderReference.Unknown"/>.
/// </summary>
public sealed record SpeakerCategories(string Group, string Subregion, string Gender)
{
    public static SpeakerCategories Unknown { get; } = new(StakeholderReference.Unknown, StakeholderReference.Unknown, StakeholderReference.Unknown);

    public static SpeakerCategories From(ParticipantProfile? profile) => profile is null
        ? Unknown
        : Of(profile.StakeholderGroup, profile.SubregionCode ?? StakeholderReference.Country(profile.CountryCode)?.SubregionCode, profile.Gender);

    public static SpeakerCategories Of(string? group, string? subregion, string? gender) => new(
        Known(StakeholderReference.Groups, group),
        Known(StakeholderReference.Subregions, subregion),
        Known(StakeholderReference.Genders, gender));

    /// <summary>Nothing is known of the person: not registered and gave nothing.</summary>
    public bool IsAllUnknown => Group == StakeholderReference.Unknown && Subregion == StakeholderReference.Unknown && Gender == StakeholderReference.Unknown;

    private static string Known(IReadOnlyList<ReferenceChoice> choices, string? code) =>
        code is not null && choices.Any(c => c.Code == code) ? code : StakeholderReference.Unknown;
}

/// <summary>A request waiting for the floor, as the ordering rules see it.</summary>
/// <param name="Id">Increases in the order requests arrived: the tie-breaker of every policy.</param>
/// <param name="Kind">A point of order goes to the top.</param>
/// <param name="PreviousTurns">How often this person has already had the floor in this consultation.</param>
/// <param name="Categories">For the balanced policy.</param>
/// <param name="Adjustment">Places the chair moved the request by (negative: up), relative to where the policy puts it.</param>
/// <param name="AdjustedSequence">When the chair last moved it; later moves are applied after earlier ones.</param>
public sealed record WaitingRequest(
    long Id,
    SpeechKind Kind,
    int PreviousTurns,
    SpeakerCategories Categories,
    int Adjustment = 0,
    long AdjustedSequence = 0);

/// <summary>Why a request is where it is; the card shows it so that the order is transparent.</summary>
public enum PlaceReasonKind { PointOfOrder, Arrival, FirstTime, RepeatSpeaker, Balance, MovedUpByChair, MovedDownByChair }

/// <summary>
/// The reason for a place. For <see cref="PlaceReasonKind.Balance"/>, how many turns the person's group, subregion and
/// gender had had (counting those placed ahead) out of all turns, when they were chosen.
/// </summary>
/// <param name="CountsThoseAhead">The counts include the turns of those placed ahead (from the second place on).</param>
public sealed record PlaceReason(
    PlaceReasonKind Kind,
    SpeakerCategories? Categories = null,
    int GroupTurns = 0,
    int SubregionTurns = 0,
    int GenderTurns = 0,
    int TotalTurns = 0,
    bool CountsThoseAhead = false);

/// <summary>A waiting request at its place (1 = next) with the reason it is there.</summary>
public sealed record QueuePlace(WaitingRequest Request, int Position, PlaceReason Reason);
