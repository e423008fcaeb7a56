using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>Names the resource files of this folder (<c>SpeakerQueueTexts.resx</c> and its translations).</summary>
public sealed class SpeakerQueueTexts;

/// <summary>
/// The speakers' list's values and outcomes in words, in the language of the localizer's current culture (a turn's
/// person, or the chat or recipient a background job set with <see cref="Languages.LanguageScope"/>).
/// </summary>
public static class SpeakerQueueWords
{
    public static string Kind(IStringLocalizer t, SpeechKind kind) => t[$"Kind.{kind}"];

    public static string Policy(IStringLocalizer t, OrderingPolicy policy) => t[$"Policy.{policy}"];

    /// <summary>"3 min per speaker", or "no time limit".</summary>
    public static string Limit(IStringLocalizer t, int seconds) => seconds <= 0 ? t["Limit.None"] : t["Limit.PerSpeaker", Span(t, seconds)];

    /// <summary>"3 min", "1 min 30 s", "45 s".</summary>
    public static string Span(IStringLocalizer t, int seconds) => seconds switch
    {
        < 60 => t["Span.Seconds", seconds],
        _ when seconds % 60 == 0 => t["Span.Minutes", seconds / 60],
        _ => t["Span.MinutesSeconds", seconds / 60, seconds % 60],
    };

    public static string Group(IStringLocalizer t, string code) => t[$"Group.{code}"];

    public static string Subregion(IStringLocalizer t, string code) => t[$"Subregion.{code}"];

    public static string Gender(IStringLocalizer t, string code) => t[$"Gender.{code}"];

    /// <summary>What an action did, for the person who acted.</summary>
    public static string Outcome(IStringLocalizer t, QueueOutcome outcome) => t[
        $"Outcome.{outcome.Result}",
        outcome.Name ?? string.Empty,
        outcome.Count,
        Kind(t, outcome.Kind),
        Policy(t, outcome.Policy),
        Limit(t, outcome.LimitSeconds)];

    /// <summary>Why a request is where it is, so that the order is transparent.</summary>
    public static string Reason(IStringLocalizer t, PlaceReason reason) => reason.Kind switch
    {
        PlaceReasonKind.Balance when reason.Categories is { IsAllUnknown: true } => t["Reason.BalanceUnknown"],
        PlaceReasonKind.Balance when reason.Categories is { } c => t[
            reason.CountsThoseAhead ? "Reason.BalanceAhead" : "Reason.Balance",
            reason.TotalTurns,
            Group(t, c.Group),
            reason.GroupTurns,
            Subregion(t, c.Subregion),
            reason.SubregionTurns,
            Gender(t, c.Gender),
            reason.GenderTurns],
        PlaceReasonKind.Balance => t["Reason.BalanceUnknown"],
        _ => t[$"Reason.{reason.Kind}"],
    };

    /// <summary>The groups, subregions and genders to choose from, in the current language.</summary>
    public static CategoryChoices Categories(IStringLocalizer t) => new(
        StakeholderReference.Groups.Select(c => new Choice(Group(t, c.Code), c.Code)).ToList(),
        StakeholderReference.Subregions.Select(c => new Choice(Subregion(t, c.Code), c.Code)).ToList(),
        StakeholderReference.Genders.Select(c => new Choice(Gender(t, c.Code), c.Code)).ToList());
}
