using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Registration;

/// <summary>
/// One group of registrations that share status and profile answers, with how many there are (what the database
/// groups by). Profile fields are null for registrations whose person asked to be forgotten.
/// </summary>
public sealed record BalanceRow(
    RegistrationStatus Status,
    string? StakeholderGroup,
    string? CountryCode,
    string? Gender,
    string? Themes,
    bool IsMigrant,
    bool SpeaksForMigrants,
    bool WishesToSpeak,
    bool OffersAsPanellist,
    bool HasNeeds,
    int Count);

/// <summary>How many confirmed and waitlisted people fall in one category (a group, a subregion, …).</summary>
public sealed record CategoryCount(string Code, string Label, int Confirmed, int Waitlisted);

/// <summary>One way of looking at the balance: by stakeholder group, subregion, gender, theme, or voices.</summary>
public sealed record BalanceDimension(string Title, IReadOnlyList<CategoryCount> Categories);

/// <summary>How a candidate would change one category's share of the confirmed list.</summary>
public sealed record BalanceShift(string Label, int Before, int After, int TotalBefore, int TotalAfter, bool UnderRepresented)
{
    public double ShareBefore => TotalBefore == 0 ? 0 : (double)Before / TotalBefore;
    public double ShareAfter => TotalAfter == 0 ? 0 : (double)After / TotalAfter;
}

/// <summary>
/// The representation balance of an event's registrations (the engagement promises balance by theme, geography,
/// mandate and gender, with attention to under-represented voices and migrants in vulnerable situations).
/// </summary>
public sealed record RegistrationBalance(
    IReadOnlyDictionary<RegistrationStatus, int> ByStatus,
    IReadOnlyList<BalanceDimension> Dimensions,
    int ConfirmedMigrantVoices)
{
    public const string GroupTitle = "Stakeholder group";
    public const string SubregionTitle = "ESCAP subregion";
    public const string GenderTitle = "Gender";
    public const string ThemeTitle = "Roundtable themes of interest";
    public const string VoicesTitle = "Voices";

    public int Count(RegistrationStatus status) => ByStatus.GetValueOrDefault(status);

    public BalanceDimension Dimension(string title) => Dimensions.First(d => d.Title == title);

    /// <summary>Counts by status and by each dimension, over confirmed and waitlisted registrations.</summary>
    public static RegistrationBalance Compute(IEnumerable<BalanceRow> rows)
    {
        var list = rows.ToList();
        var byStatus = Enum.GetValues<RegistrationStatus>().ToDictionary(s => s, s => list.Where(r => r.Status == s).Sum(r => r.Count));
        var listed = list.Where(r => r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted).ToList();

        var dimensions = new List<BalanceDimension>
        {
            Categorise(GroupTitle, listed, StakeholderReference.Groups, r => r.StakeholderGroup),
            Categorise(SubregionTitle, listed, StakeholderReference.Subregions, r => StakeholderReference.Country(r.CountryCode)?.SubregionCode),
            Categorise(GenderTitle, listed, StakeholderReference.Genders, r => r.Gender, "Not said"),
            new(ThemeTitle,
            [
                .. GcmReference.Themes.Select(t => Count($"{t.Code}", t.Label, listed, r => r.Themes?.Contains(t.Code, StringComparison.Ordinal) == true)),
                Count("none", "No theme chosen", listed, r => string.IsNullOrEmpty(r.Themes)),
            ]),
            new(VoicesTitle,
            [
                Count("migrant", "Migrants", listed, r => r.IsMigrant),
                Count("advocate", "Speak for migrants in vulnerable situations", listed, r => r.SpeaksForMigrants),
                Count("speak", "Wish to make an oral intervention", listed, r => r.WishesToSpeak),
                Count("panel", "Offer to serve as expert panellist", listed, r => r.OffersAsPanellist),
                Count("needs", "Accessibility or interpretation needs", listed, r => r.HasNeeds),
            ]),
        };
        var migrantVoices = listed.Where(r => r.Status == RegistrationStatus.Confirmed && (r.IsMigrant || r.SpeaksForMigrants)).Sum(r => r.Count);
        return new RegistrationBalance(byStatus, dimensions, migrantVoices);
    }

    /// <summary>
    /// How confirming a candidate would change the confirmed list's balance by group, subregion, gender and migrant
    /// voices. A category is under-represented when its share is below half an equal share of the dimension's
    /// categories ("other" and "not said" aside), so that organisers can favour such voices deliberately.
    /// </summary>
    public IReadOnlyList<BalanceShift> EffectOf(string? group, string? countryCode, string? gender, bool isMigrantVoice)
    {
        var total = Count(RegistrationStatus.Confirmed);
        var shifts = new List<BalanceShift>();
        Add(GroupTitle, group, StakeholderReference.Groups.Count - 1);
        Add(SubregionTitle, StakeholderReference.Country(countryCode)?.SubregionCode, 5);
        if (gender is not null and not "undisclosed")
        {
            Add(GenderTitle, gender, 3);
        }

        if (isMigrantVoice)
        {
            var before = ConfirmedMigrantVoices;
            shifts.Add(new BalanceShift("Migrant voices", before, before + 1, total, total + 1, IsUnder(before, total, 2)));
        }

        return shifts;

        void Add(string dimension, string? code, int fairCategories)
        {
            var category = code is null ? null : Dimension(dimension).Categories.FirstOrDefault(c => c.Code == code);
            if (category is null)
            {
                return;
            }

            var counted = code is not StakeholderReference.Other;
            shifts.Add(new BalanceShift(category.Label, category.Confirmed, category.Confirmed + 1, total, total + 1,
                counted && IsUnder(category.Confirmed, total, fairCategories)));
        }
    }

    private static bool IsUnder(int count, int total, int categories) => total > 0 && count * 2 * categories < total;

    private static BalanceDimension Categorise(
        string title, IReadOnlyList<BalanceRow> rows, IReadOnlyList<ReferenceChoice> choices, Func<BalanceRow, string?> code, string unknownLabel = "Unknown")
    {
        var categories = choices.Select(c => Count(c.Code, c.Label, rows, r => code(r) == c.Code)).ToList();
        var unknown = Count(StakeholderReference.Unknown, unknownLabel, rows, r => code(r) is not { } value || choices.All(c => c.Code != value));
        if (unknown.Confirmed + unknown.Waitlisted > 0 || title == GenderTitle)
        {
            categories.Add(unknown);
        }

        return new BalanceDimension(title, categories);
    }

    private static CategoryCount Count(string code, string label, IReadOnlyList<BalanceRow> rows, Func<BalanceRow, bool> has) => new(
        code,
        label,
        rows.Where(r => r.Status == RegistrationStatus.Confirmed && has(r)).Sum(r => r.Count),
        rows.Where(r => r.Status == RegistrationStatus.Waitlisted && has(r)).Sum(r => r.Count));
}
