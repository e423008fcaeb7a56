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

    /// <summary>Counts by status and by each dimension, over confirmed and waitlisted registrations (one pass over the rows).</summary>
    public static RegistrationBalance Compute(IEnumerable<BalanceRow> rows)
    {
        var byStatus = Enum.GetValues<RegistrationStatus>().ToDictionary(s => s, _ => 0);
        var tally = new Dictionary<(string Dimension, string Code), (int Confirmed, int Waitlisted)>();
        var migrantVoices = 0;
        foreach (var row in rows)
        {
            byStatus[row.Status] += row.Count;
            if (row.Status is not (RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted))
            {
                continue;
            }

            Add(GroupTitle, Known(GroupCodes, row.StakeholderGroup));
            Add(SubregionTitle, row.CountryCode is not null && SubregionOfCountry.TryGetValue(row.CountryCode, out var subregion) ? subregion : StakeholderReference.Unknown);
            Add(GenderTitle, Known(GenderCodes, row.Gender));
            var themes = (row.Themes ?? string.Empty).Where(c => c is >= 'a' and <= 'd').Distinct().ToList();
            foreach (var theme in themes)
            {
                Add(ThemeTitle, theme.ToString());
            }

            if (themes.Count == 0)
            {
                Add(ThemeTitle, "none");
            }

            AddIf(row.IsMigrant, "migrant");
            AddIf(row.SpeaksForMigrants, "advocate");
            AddIf(row.WishesToSpeak, "speak");
            AddIf(row.OffersAsPanellist, "panel");
            AddIf(row.HasNeeds, "needs");
            if (row.Status == RegistrationStatus.Confirmed && (row.IsMigrant || row.SpeaksForMigrants))
            {
                migrantVoices += row.Count;
            }

            void AddIf(bool flag, string code)
            {
                if (flag)
                {
                    Add(VoicesTitle, code);
                }
            }

            void Add(string dimension, string code)
            {
                var (confirmed, waitlisted) = tally.GetValueOrDefault((dimension, code));
                tally[(dimension, code)] = row.Status == RegistrationStatus.Confirmed
                    ? (confirmed + row.Count, waitlisted)
                    : (confirmed, waitlisted + row.Count);
            }
        }

        CategoryCount Category(string dimension, string code, string label)
        {
            var (confirmed, waitlisted) = tally.GetValueOrDefault((dimension, code));
            return new CategoryCount(code, label, confirmed, waitlisted);
        }

        IReadOnlyList<CategoryCount> Categories(string dimension, IEnumerable<ReferenceChoice> choices, string unknownLabel, bool alwaysShowUnknown)
        {
            var list = choices.Select(c => Category(dimension, c.Code, c.Label)).ToList();
            var unknown = Category(dimension, StakeholderReference.Unknown, unknownLabel);
            if (alwaysShowUnknown || unknown.Confirmed + unknown.Waitlisted > 0)
            {
                list.Add(unknown);
            }

            return list;
        }

        var dimensions = new List<BalanceDimension>
        {
            new(GroupTitle, Categories(GroupTitle, StakeholderReference.Groups, "Unknown", false)),
            new(SubregionTitle, Categories(SubregionTitle, StakeholderReference.Subregions, "Unknown", false)),
            new(GenderTitle, Categories(GenderTitle, StakeholderReference.Genders, "Not said", true)),
            new(ThemeTitle, [.. GcmReference.Themes.Select(t => Category(ThemeTitle, t.Code.ToString(), t.Label)), Category(ThemeTitle, "none", "No theme chosen")]),
            new(VoicesTitle,
            [
                Category(VoicesTitle, "migrant", "Migrants"),
                Category(VoicesTitle, "advocate", "Speak for migrants in vulnerable situations"),
                Category(VoicesTitle, "speak", "Wish to make an oral intervention"),
                Category(VoicesTitle, "panel", "Offer to serve as expert panellist"),
                Category(VoicesTitle, "needs", "Accessibility or interpretation needs"),
            ]),
        };
        return new RegistrationBalance(byStatus, dimensions, migrantVoices);
    }

    private static readonly HashSet<string> GroupCodes = StakeholderReference.Groups.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> GenderCodes = StakeholderReference.Genders.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> SubregionOfCountry =
        StakeholderReference.Countries.ToDictionary(c => c.Code, c => c.SubregionCode, StringComparer.OrdinalIgnoreCase);

    private static string Known(HashSet<string> codes, string? code) => code is not null && codes.Contains(code) ? code : StakeholderReference.Unknown;

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
}
