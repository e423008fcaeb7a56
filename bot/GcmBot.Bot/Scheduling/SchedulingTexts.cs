using System.Globalization;
using GcmBot.Cards.Common;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Scheduling;

/// <summary>Names the resource files of this folder (<c>SchedulingTexts.resx</c> and its translations).</summary>
public sealed class SchedulingTexts;

/// <summary>
/// Why the scheduling rules refused something, as a typed outcome: the key of its sentence in
/// <see cref="SchedulingTexts"/> and the values the sentence names. The Teams face turns it into words.
/// </summary>
public sealed record SchedulingProblem(string Key, IReadOnlyList<object> Arguments)
{
    public static SchedulingProblem Of(string key, params object[] arguments) => new(key, arguments);
}

/// <summary>A moment as a problem names it: written in the zone it concerns, in the reader's language.</summary>
public sealed record ZonedTime(DateTimeOffset Instant, TimeZoneInfo Zone);

public static class SchedulingWords
{
    /// <summary>The problem in the current language; dates and times formatted for it.</summary>
    public static string Say(this IStringLocalizer<SchedulingTexts> texts, SchedulingProblem problem)
    {
        var culture = CultureInfo.CurrentUICulture;
        var arguments = problem.Arguments.Select(a => a switch
        {
            ZonedTime t => TimeText.Format(t.Instant, t.Zone, culture),
            DateOnly d => TimeText.FormatDate(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimeZoneInfo.Utc, culture),
            TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
            _ => a,
        }).ToArray();
        return texts[problem.Key, arguments];
    }
}
