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

/// <summary>Words for the domain's values, as people read them.</summary>
public static class SpeakerQueueText
{
    public static string Label(this SpeechKind kind) => kind switch
    {
        SpeechKind.Statement => "Statement",
        SpeechKind.Question => "Question",
        SpeechKind.Reply => "Reply",
        SpeechKind.PointOfOrder => "Point of order",
        _ => kind.ToString(),
    };

    public static string Label(this OrderingPolicy policy) => policy switch
    {
        OrderingPolicy.FirstComeFirstServed => "First come, first served",
        OrderingPolicy.FirstTimeFirst => "First-time speakers first",
        OrderingPolicy.Balanced => "Balanced (group, subregion, gender)",
        _ => policy.ToString(),
    };

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

    public string GroupLabel => StakeholderReference.Label(StakeholderReference.Groups, Group);
    public string SubregionLabel => StakeholderReference.Label(StakeholderReference.Subregions, Subregion);
    public string GenderLabel => StakeholderReference.Label(StakeholderReference.Genders, Gender);

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
    bool CountsThoseAhead = false)
{
    public string Describe() => Kind switch
    {
        PlaceReasonKind.PointOfOrder => "Point of order: goes before other requests",
        PlaceReasonKind.Arrival => "First come, first served",
        PlaceReasonKind.FirstTime => "First time speaking: first-time speakers go first",
        PlaceReasonKind.RepeatSpeaker => "Has spoken before: after first-time speakers",
        PlaceReasonKind.MovedUpByChair => "Moved up by the chair",
        PlaceReasonKind.MovedDownByChair => "Moved down by the chair",
        PlaceReasonKind.Balance when Categories is not null =>
            $"For balance: of {TotalTurns} turn{(TotalTurns == 1 ? string.Empty : "s")} {(CountsThoseAhead ? "counting those ahead" : "so far")}, their group ({Categories.GroupLabel}) had {GroupTurns}, " +
            $"subregion ({Categories.SubregionLabel}) {SubregionTurns}, gender ({Categories.GenderLabel}) {GenderTurns}",
        _ => "For balance",
    };
}

/// <summary>A waiting request at its place (1 = next) with the reason it is there.</summary>
public sealed record QueuePlace(WaitingRequest Request, int Position, PlaceReason Reason);
