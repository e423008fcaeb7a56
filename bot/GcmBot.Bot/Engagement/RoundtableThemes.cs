using System.Globalization;

namespace GcmBot.Bot.Engagement;

/// <summary>One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration.</summary>
/// <param name="Title">The English title (stable: matched and stored); <see cref="TitleIn"/> gives it in a person's language.</param>
public sealed record GcmObjective(int Number, string Title)
{
    /// <summary>The official title in a language (the current UI language when none is given).</summary>
    public string TitleIn(CultureInfo? culture = null) =>
        ReferenceTexts.Find($"Objective.{Number.ToString(CultureInfo.InvariantCulture)}", culture) ?? Title;
}

/// <summary>A roundtable theme of the IMRF resolution, with the GCM objectives it addresses (from the seed document).</summary>
/// <param name="Title">The English title (stable: matched and stored); <see cref="TitleIn"/> gives it in a person's language.</param>
public sealed record RoundtableTheme(char Code, string Title, IReadOnlyList<int> Objectives)
{
    /// <summary>"b. Protecting migrants through rights-based border governance measures" (English).</summary>
    public string Label => $"{Code}. {Title}";

    /// <summary>The official title in a language (the current UI language when none is given).</summary>
    public string TitleIn(CultureInfo? culture = null) => ReferenceTexts.Find($"Theme.{Code}", culture) ?? Title;

    /// <summary>"b. Protéger les migrants…": the code and the title in a language.</summary>
    public string LabelIn(CultureInfo? culture = null) => $"{Code}. {TitleIn(culture)}";
}

/// <summary>Reference data of the engagement: the GCM objectives and the four roundtable themes.</summary>
public static class GcmReference
{
    public static IReadOnlyList<GcmObjective> Objectives { get; } =
    [
        new(1, "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"),
        new(2, "Minimize the adverse drivers and structural factors that compel people to leave their country of origin"),
        new(3, "Provide accurate and timely information at all stages of migration"),
        new(4, "Ensure that all migrants have proof of legal identity and adequate documentation"),
        new(5, "Enhance availability and flexibility of pathways for regular migration"),
        new(6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"),
        new(7, "Address and reduce vulnerabilities in migration"),
        new(8, "Save lives and establish coordinated international efforts on missing migrants"),
        new(9, "Strengthen the transnational response to smuggling of migrants"),
        new(10, "Prevent, combat and eradicate trafficking in persons in the context of international migration"),
        new(11, "Manage borders in an integrated, secure and coordinated manner"),
        new(12, "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral"),
        new(13, "Use migration detention only as a measure of last resort and work towards alternatives"),
        new(14, "Enhance consular protection, assistance and cooperation throughout the migration cycle"),
        new(15, "Provide access to basic services for migrants"),
        new(16, "Empower migrants and societies to realize full inclusion and social cohesion"),
        new(17, "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration"),
        new(18, "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences"),
        new(19, "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries"),
        new(20, "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants"),
        new(21, "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration"),
        new(22, "Establish mechanisms for the portability of social security entitlements and earned benefits"),
        new(23, "Strengthen international cooperation and global partnerships for safe, orderly and regular migration"),
    ];

    public static IReadOnlyList<RoundtableTheme> Themes { get; } =
    [
        new('a', "Ensuring that migration is voluntary, orderly and regular", [2, 5, 6, 12, 18]),
        new('b', "Protecting migrants through rights-based border governance measures", [4, 8, 9, 10, 11, 13, 21]),
        new('c', "Supporting the integration of migrants and their contribution to development", [14, 15, 16, 19, 20, 22]),
        new('d', "Improving value-driven and evidence-based policymaking and public debate, and enhancing cooperation on migration", [1, 3, 7, 17, 23]),
    ];

    public static RoundtableTheme? Theme(char code) => Themes.FirstOrDefault(t => t.Code == char.ToLowerInvariant(code));

    public static GcmObjective? Objective(int number) => Objectives.FirstOrDefault(o => o.Number == number);
}
