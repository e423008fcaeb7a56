using System.Globalization;

namespace GcmBot.Bot.Engagement;

/// <summary>Which list a reference choice belongs to (its texts are keyed by it).</summary>
public enum ReferenceList { Group, Subregion, Gender }

/// <summary>A choice with a stable code (stored) and a label (shown): English in <see cref="Label"/>, any language by <see cref="LabelIn"/>.</summary>
public sealed record ReferenceChoice(string Code, string Label, ReferenceList List)
{
    /// <summary>The label in a language (the current UI language when none is given).</summary>
    public string LabelIn(CultureInfo? culture = null) => ReferenceTexts.Find(List switch
    {
        ReferenceList.Group => $"Group.{Code}",
        ReferenceList.Subregion => $"Subregion.{Code}",
        _ => $"Gender.{Code}",
    }, culture) ?? Label;
}

/// <summary>A country or territory of work, with its ESCAP subregion. <see cref="Name"/> is the English name.</summary>
public sealed record Country(string Code, string Name, string SubregionCode, bool AssociateMember = false)
{
    /// <summary>The UN name in a language (the current UI language when none is given).</summary>
    public string NameIn(CultureInfo? culture = null) => ReferenceTexts.Find($"Country.{Code}", culture) ?? Name;
}

/// <summary>
/// Who takes part, in the categories the balance of participation is measured by: the stakeholder groups the GCM
/// names (resolution 73/195, paras 15(j), 41, 44), ESCAP members and associate members by subregion, and gender.
/// </summary>
public static class StakeholderReference
{
    public const string Unknown = "unknown";
    public const string Other = "other";

    public static IReadOnlyList<ReferenceChoice> Groups { get; } =
    [
        new("migrants", "Migrants and migrant organisations", ReferenceList.Group),
        new("diaspora", "Diaspora organisations", ReferenceList.Group),
        new("civil-society", "Civil society organisations", ReferenceList.Group),
        new("academia", "Academia and research", ReferenceList.Group),
        new("private-sector", "Private sector", ReferenceList.Group),
        new("parliamentarians", "Parliamentarians", ReferenceList.Group),
        new("trade-unions", "Trade unions and workers' organisations", ReferenceList.Group),
        new("nhri", "National human rights institutions", ReferenceList.Group),
        new("media", "Media", ReferenceList.Group),
        new("local-authorities", "Local authorities and communities", ReferenceList.Group),
        new("faith-based", "Faith-based organisations", ReferenceList.Group),
        new("red-cross", "Red Cross and Red Crescent", ReferenceList.Group),
        new(Other, "Other stakeholders", ReferenceList.Group),
    ];

    public static IReadOnlyList<ReferenceChoice> Subregions { get; } =
    [
        new("enea", "East and North-East Asia", ReferenceList.Subregion),
        new("sea", "South-East Asia", ReferenceList.Subregion),
        new("sswa", "South and South-West Asia", ReferenceList.Subregion),
        new("nca", "North and Central Asia", ReferenceList.Subregion),
        new("pacific", "Pacific", ReferenceList.Subregion),
        new("non-regional", "ESCAP members outside the region", ReferenceList.Subregion),
        new(Other, "Outside ESCAP membership", ReferenceList.Subregion),
    ];

    /// <summary>Optional; "prefer not to say" is a full answer, not a missing one.</summary>
    public static IReadOnlyList<ReferenceChoice> Genders { get; } =
    [
        new("woman", "Woman", ReferenceList.Gender),
        new("man", "Man", ReferenceList.Gender),
        new("another", "Non-binary or another gender identity", ReferenceList.Gender),
        new("undisclosed", "Prefer not to say", ReferenceList.Gender),
    ];

    /// <summary>ESCAP's 53 members and 9 associate members (ISO 3166 codes), each in one subregion, plus "other".</summary>
    public static IReadOnlyList<Country> Countries { get; } =
    [
        new("CN", "China", "enea"), new("KP", "Democratic People's Republic of Korea", "enea"), new("JP", "Japan", "enea"),
        new("MN", "Mongolia", "enea"), new("KR", "Republic of Korea", "enea"),
        new("HK", "Hong Kong, China", "enea", true), new("MO", "Macao, China", "enea", true),

        new("BN", "Brunei Darussalam", "sea"), new("KH", "Cambodia", "sea"), new("ID", "Indonesia", "sea"),
        new("LA", "Lao People's Democratic Republic", "sea"), new("MY", "Malaysia", "sea"), new("MM", "Myanmar", "sea"),
        new("PH", "Philippines", "sea"), new("SG", "Singapore", "sea"), new("TH", "Thailand", "sea"),
        new("TL", "Timor-Leste", "sea"), new("VN", "Viet Nam", "sea"),

        new("AF", "Afghanistan", "sswa"), new("BD", "Bangladesh", "sswa"), new("BT", "Bhutan", "sswa"), new("IN", "India", "sswa"),
        new("IR", "Iran (Islamic Republic of)", "sswa"), new("MV", "Maldives", "sswa"), new("NP", "Nepal", "sswa"),
        new("PK", "Pakistan", "sswa"), new("LK", "Sri Lanka", "sswa"), new("TR", "Türkiye", "sswa"),

        new("AM", "Armenia", "nca"), new("AZ", "Azerbaijan", "nca"), new("GE", "Georgia", "nca"), new("KZ", "Kazakhstan", "nca"),
        new("KG", "Kyrgyzstan", "nca"), new("RU", "Russian Federation", "nca"), new("TJ", "Tajikistan", "nca"),
        new("TM", "Turkmenistan", "nca"), new("UZ", "Uzbekistan", "nca"),

        new("AU", "Australia", "pacific"), new("FJ", "Fiji", "pacific"), new("KI", "Kiribati", "pacific"),
        new("MH", "Marshall Islands", "pacific"), new("FM", "Micronesia (Federated States of)", "pacific"), new("NR", "Nauru", "pacific"),
        new("NZ", "New Zealand", "pacific"), new("PW", "Palau", "pacific"), new("PG", "Papua New Guinea", "pacific"),
        new("WS", "Samoa", "pacific"), new("SB", "Solomon Islands", "pacific"), new("TO", "Tonga", "pacific"),
        new("TV", "Tuvalu", "pacific"), new("VU", "Vanuatu", "pacific"),
        new("AS", "American Samoa", "pacific", true), new("CK", "Cook Islands", "pacific", true),
        new("PF", "French Polynesia", "pacific", true), new("GU", "Guam", "pacific", true), new("NC", "New Caledonia", "pacific", true),
        new("NU", "Niue", "pacific", true), new("MP", "Northern Mariana Islands", "pacific", true),

        new("FR", "France", "non-regional"), new("NL", "Netherlands", "non-regional"),
        new("GB", "United Kingdom of Great Britain and Northern Ireland", "non-regional"), new("US", "United States of America", "non-regional"),

        new("OTHER", "Other country or territory", Other),
    ];

    public static Country? Country(string? code) =>
        code is null ? null : Countries.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The English label of a code ("Unknown" when none); stable, for files and matching.</summary>
    public static string Label(IReadOnlyList<ReferenceChoice> choices, string? code) =>
        choices.FirstOrDefault(c => c.Code == code)?.Label ?? (code is null or Unknown ? "Unknown" : code);

    /// <summary>The label of a code in a language (the current UI language when none is given).</summary>
    public static string LabelIn(IReadOnlyList<ReferenceChoice> choices, string? code, CultureInfo? culture = null) =>
        choices.FirstOrDefault(c => c.Code == code)?.LabelIn(culture)
        ?? (code is null or Unknown ? ReferenceTexts.Find("Unknown", culture) ?? "Unknown" : code);

    /// <summary>"Not said", for a gender left blank, in a language.</summary>
    public static string NotSaid(CultureInfo? culture = null) => ReferenceTexts.Find("NotSaid", culture) ?? "Not said";
}
