using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Panels;

/// <summary>The dimensions the endorsers' balance is read in, as the registration balance has them.</summary>
public enum BalanceDimensionKind { Group, Subregion, Gender }

/// <summary>How many endorsers fall in one category (a group, a subregion or a gender code; "unknown" when not said).</summary>
public sealed record EndorserCount(string Code, int Count);

/// <summary>One dimension of the endorsers' balance: only categories with someone in them, largest first.</summary>
public sealed record EndorserDimension(BalanceDimensionKind Kind, IReadOnlyList<EndorserCount> Categories);

/// <summary>
/// The balance of a proposal's endorsers by stakeholder group, subregion and gender: counts only, never who. The same
/// categories as the registration balance (docs/panels.md), so that organisers see whether support is broad.
/// </summary>
public sealed record EndorserBalance(int Total, IReadOnlyList<EndorserDimension> Dimensions)
{
    public static EndorserBalance Of(IReadOnlyCollection<string> endorserIds, IReadOnlyDictionary<string, ParticipantProfile> profiles)
    {
        var known = endorserIds.Select(id => profiles.GetValueOrDefault(id)).ToList();
        return new EndorserBalance(endorserIds.Count,
        [
            Dimension(BalanceDimensionKind.Group, known.Select(p => Known(StakeholderReference.Groups, p?.StakeholderGroup))),
            Dimension(BalanceDimensionKind.Subregion, known.Select(p => p?.SubregionCode ?? StakeholderReference.Country(p?.CountryCode)?.SubregionCode ?? StakeholderReference.Unknown)),
            Dimension(BalanceDimensionKind.Gender, known.Select(p => Known(StakeholderReference.Genders, p?.Gender))),
        ]);
    }

    private static EndorserDimension Dimension(BalanceDimensionKind kind, IEnumerable<string> codes) =>
        new(kind, codes.GroupBy(c => c)
            .Select(g => new EndorserCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList());

    private static string Known(IReadOnlyList<ReferenceChoice> choices, string? code) =>
        code is not null && choices.Any(c => c.Code == code) ? code : StakeholderReference.Unknown;
}
