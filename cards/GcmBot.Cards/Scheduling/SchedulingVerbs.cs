namespace GcmBot.Cards.Scheduling;

/// <summary>The verbs and data keys of the scheduling cards; the bot validates every value it receives.</summary>
public static class SchedulingVerbs
{
    public const string Create = "scheduling.create";
    public const string Reschedule = "scheduling.reschedule";
    public const string Cancel = "scheduling.cancel";
    public const string Retry = "scheduling.retry";
    public const string Show = "scheduling.show";
    public const string Form = "scheduling.form";

    public const string ConsultationKey = "consultation";
    public const string ThemeKey = "theme";
    public const string DateKey = "date";
    public const string TimeKey = "time";
    public const string DurationKey = "duration";
    public const string ZoneKey = "zone";
    public const string TitleKey = "title";
    public const string InviteKey = "invite";
    public const string ConceptNoteKey = "conceptNote";
    public const string RequestKey = "requestKey";

    public const string InviteTheme = "theme";
    public const string InviteAll = "all";
    public const string InviteNone = "none";

    /// <summary>Durations the forms offer, in minutes.</summary>
    public static IReadOnlyList<int> Durations { get; } = [60, 90, 120, 150, 180, 240];
}
