using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Registration;

/// <summary>How many registrations of a status share one answer (a group code, a country code, …; null when not given).</summary>
public sealed record AnswerCount(RegistrationStatus Status, string? Code, int Count);

/// <summary>How many registrations of a status carry each yes/no answer.</summary>
public sealed record FlagCounts(RegistrationStatus Status, int Migrants, int Advocates, int Speakers, int Panellists, int WithNeeds, int MigrantVoices);

/// <summary>
/// What the database counts for a balance: registrations by status, and the confirmed and waitlisted ones by each
/// answer. Each list is small (a few rows per category) however many people registered.
/// </summary>
public sealed record BalanceCounts(
    IReadOnlyList<AnswerCount> Statuses,
    IReadOnlyList<AnswerCount> Groups,
    IReadOnlyList<AnswerCount> Countries,
    IReadOnlyList<AnswerCount> Genders,
    IReadOnlyList<AnswerCount> Themes,
    IReadOnlyList<FlagCounts> Flags);

/// <summary>One confirmed or waitlisted person's answers, as the balance counts them.</summary>
public sealed record BalanceRow(
    RegistrationStatus Status, string? Group, string? CountryCode, string? Gender, string? Themes,
    bool IsMigrant, bool Advocates, bool WishesToSpeak, bool OffersAsPanellist, bool HasNeeds)
{
    /// <summary>The counts the balance is computed from, in one pass over the people's answers.</summary>
    public static BalanceCounts Count(IReadOnlyList<AnswerCount> statuses, IReadOnlyList<BalanceRow> rows)
    {
        static List<AnswerCount> By(IReadOnlyList<BalanceRow> rows, Func<BalanceRow, string?> code) =>
            rows.GroupBy(r => (r.Status, Code: code(r))).Select(g => new AnswerCount(g.Key.Status, g.Key.Code, g.Count())).ToList();

        var flags = rows.GroupBy(r => r.Status).Select(g => new FlagCounts(
            g.Key,
            g.Count(r => r.IsMigrant),
            g.Count(r => r.Advocates),
            g.Count(r => r.WishesToSpeak),
            g.Count(r => r.OffersAsPanellist),
            g.Count(r => r.HasNeeds),
            g.Count(r => r.IsMigrant || r.Advocates))).ToList();
        return new BalanceCounts(statuses, By(rows, r => r.Group), By(rows, r => r.CountryCode), By(rows, r => r.Gender), By(rows, r => r.Themes), flags);
    }
}

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
    public static RegistrationBalance Compute(BalanceCounts counts)
    {
        var byStatus = Enum.GetValues<RegistrationStatus>().ToDictionary(s => s, _ => 0);
        foreach (var status in counts.Statuses)
        {
            byStatus[status.Status] += status.Count;
        }

        var tally = new Dictionary<(string Dimension, string Code), (int Confirmed, int Waitlisted)>();
        foreach (var row in counts.Groups)
        {
            Add(GroupTitle, Known(GroupCodes, row.Code), row.Status, row.Count);
        }

        foreach (var row in counts.Countries)
        {
            var subregion = row.Code is not null && SubregionOfCountry.TryGetValue(row.Code, out var code) ? code : StakeholderReference.Unknown;
            Add(SubregionTitle, subregion, row.Status, row.Count);
        }

        foreach (var row in counts.Genders)
        {
            Add(GenderTitle, Known(GenderCodes, row.Code), row.Status, row.Count);
        }

        foreach (var row in counts.Themes)
        {
            var themes = (row.Code ?? string.Empty).Where(c => c is >= 'a' and <= 'd').Distinct().ToList();
            foreach (var theme in themes)
            {
                Add(ThemeTitle, theme.ToString(), row.Status, row.Count);
            }

            if (themes.Count == 0)
            {
                Add(ThemeTitle, "none", row.Status, row.Count);
            }
        }

        var migrantVoices = 0;
        foreach (var flags in counts.Flags)
        {
            Add(VoicesTitle, "migrant", flags.Status, flags.Migrants);
            Add(VoicesTitle, "advocate", flags.Status, flags.Advocates);
            Add(VoicesTitle, "speak", flags.Status, flags.Speakers);
            Add(VoicesTitle, "panel", flags.Status, flags.Panellists);
            Add(VoicesTitle, "needs", flags.Status, flags.WithNeeds);
            if (flags.Status == RegistrationStatus.Confirmed)
            {
                migrantVoices += flags.MigrantVoices;
            }
        }

        void Add(string dimension, string code, RegistrationStatus status, int count)
        {
            if (status is not (RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted) || count == 0)
            {
                return;
            }

            var (confirmed, waitlisted) = tally.GetValueOrDefault((dimension, code));
            tally[(dimension, code)] = status == RegistrationStatus.Confirmed ? (confirmed + count, waitlisted) : (confirmed, waitlisted + count);
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
            // Short labels: the full theme titles would crowd the card; "Theme a" is how the engagement names them.
            new(ThemeTitle, [.. GcmReference.Themes.Select(t => Category(ThemeTitle, t.Code.ToString(), $"Theme {t.Code}")), Category(ThemeTitle, "none", "No theme chosen")]),
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
