using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Scheduling;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Tests.Scheduling;

public sealed class ConsultationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("b 2026-12-12 14:00", 'b', "2026-12-12", "14:00", 120, null)]
    [InlineData("theme B 12 Dec 2026 2pm 90m Border governance", 'b', "2026-12-12", "14:00", 90, "Border governance")]
    [InlineData("a 3 March 2027 9:30 am 1h30", 'a', "2027-03-03", "09:30", 90, null)]
    [InlineData("d 2026-12-12 12pm 1.5h", 'd', "2026-12-12", "12:00", 90, null)]
    [InlineData("c 2026-12-12 12am 2h Night owls", 'c', "2026-12-12", "00:00", 120, "Night owls")]
    public void ParseSchedule_UnambiguousInput_IsRead(string arguments, char theme, string date, string time, int minutes, string? title)
    {
        var parsed = ConsultationRules.ParseSchedule(arguments, TimeText.ReferenceZone);

        Assert.True(parsed.Ok, parsed.Error?.Key);
        Assert.Equal(theme, parsed.Value!.Theme.Code);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), parsed.Value.Date);
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), parsed.Value.Time);
        Assert.Equal(minutes, parsed.Value.DurationMinutes);
        Assert.Equal(title, parsed.Value.Title);
    }

    [Fact]
    public void ParseSchedule_WithZone_UsesIt()
    {
        var parsed = ConsultationRules.ParseSchedule("b 2026-12-12 14:00 Asia/Kathmandu 90m", TimeText.ReferenceZone);

        Assert.Equal("Asia/Kathmandu", parsed.Value!.Zone.Id);
    }

    [Theory]
    [InlineData("03/04")]
    [InlineData("3.4.2026")]
    [InlineData("2026/04/03")]
    [InlineData("12-12")]
    public void ParseDate_NumericNotIso_IsAmbiguous(string token)
    {
        var index = 0;

        var parsed = ConsultationRules.ParseDate([token], ref index);

        Assert.Equal("Rules.DateAmbiguous", parsed.Error!.Key);
        Assert.Equal([token], parsed.Error.Arguments);
        Assert.Equal(0, index);
    }

    [Fact]
    public void Resolve_TimeInThePast_IsRefusedWithTheCurrentTime()
    {
        var parsed = ConsultationRules.Resolve(new DateOnly(2026, 11, 27), new TimeOnly(16, 59), 60, TimeText.ReferenceZone, Now);

        Assert.Equal("Rules.Past", parsed.Error!.Key);
        Assert.Equal([new ZonedTime(new DateTimeOffset(2026, 11, 27, 9, 59, 0, TimeSpan.Zero), TimeText.ReferenceZone), new ZonedTime(Now, TimeText.ReferenceZone)], parsed.Error.Arguments);
    }

    [Theory]
    [InlineData("en", "Fri 27 Nov 2026, 16:59 (GMT+7) has already passed (it is now Fri 27 Nov 2026, 17:00 (GMT+7)). Choose a time in the future.")]
    [InlineData("fr", "ven. 27 nov. 2026, 16:59 (GMT+7) est déjà passé (il est maintenant ven. 27 nov. 2026, 17:00 (GMT+7)). Choisissez un moment à venir.")]
    [InlineData("zh-Hans", "2026年11月27日 周五 16:59 (GMT+7) 已经过去（现在是 2026年11月27日 周五 17:00 (GMT+7)）。请选择将来的时间。")]
    public void Say_TimeInThePast_IsWordedInTheReadersLanguage_WithTimesFormattedForIt(string language, string expected)
    {
        var problem = ConsultationRules.Resolve(new DateOnly(2026, 11, 27), new TimeOnly(16, 59), 60, TimeText.ReferenceZone, Now).Error!;
        using var scope = LanguageScope.Use(SupportedLanguages.Match(language)!);

        Assert.Equal(expected, Texts().Say(problem));
    }

    private static IStringLocalizer<SchedulingTexts> Texts() =>
        new StringLocalizer<SchedulingTexts>(new FormattingStringLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    [Fact]
    public void Resolve_LocalTimeSkippedByDaylightSaving_IsRefused()
    {
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

        var parsed = ConsultationRules.Resolve(new DateOnly(2027, 10, 3), new TimeOnly(2, 30), 60, sydney, Now);

        Assert.Equal("Rules.TimeDoesNotExist", parsed.Error!.Key);
    }

    [Fact]
    public void Resolve_LocalTimeRepeatedByDaylightSaving_IsRefused()
    {
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

        var parsed = ConsultationRules.Resolve(new DateOnly(2027, 4, 4), new TimeOnly(2, 30), 60, sydney, Now);

        Assert.Equal("Rules.TimeTwice", parsed.Error!.Key);
    }

    [Theory]
    [InlineData("https://example.org/note.pdf", true)]
    [InlineData("http://example.org/note.pdf", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("example.org/note", false)]
    public void ParseLink_OnlyHttps(string link, bool ok)
    {
        Assert.Equal(ok, ConsultationRules.ParseLink(link).Ok);
    }

    [Fact]
    public void ParseTitle_ControlCharactersAndLineBreaks_AreFlattened()
    {
        Assert.Equal("Border governance, part 2", ConsultationRules.ParseTitle("Border\u0007 governance,\n  part 2").Value);
    }
}

public sealed class AgendaAndCalendarTests
{
    private static readonly RoundtableTheme ThemeB = GcmReference.Theme('b')!;
    private static readonly DateTimeOffset Start = new(2026, 12, 12, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AgendaHtml_ListsTheThemeObjectivesAndResources_AndEscapesInsertedText()
    {
        var html = AgendaTemplate.Html(new AgendaModel(ThemeB, "<script>alert('x')</script> & co", Start, Start.AddHours(2), "https://example.org/note?a=1&b=\"2\""), SupportedLanguages.English);

        Assert.Contains("<h2>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h2>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("href=\"https://example.org/note?a=1&amp;b=&quot;2&quot;\"", html);
        foreach (var number in ThemeB.Objectives)
        {
            Assert.Contains($"Objective {number}: ", html);
        }

        Assert.Contains("Sat 12 Dec 2026, 14:00–16:00 (GMT+7)", html);
        Assert.Contains(AgendaTemplate.RegionalReviewUrl, html);
    }

    [Fact]
    public void AgendaHtml_IsTheSameTemplateForEveryTheme()
    {
        var sections = GcmReference.Themes
            .Select(t => AgendaTemplate.Html(new AgendaModel(t, "Consultation", Start, Start.AddHours(2), null), SupportedLanguages.English))
            .Select(h => string.Join("|", System.Text.RegularExpressions.Regex.Matches(h, "<h[23]>[^<]*</h[23]>").Where(m => !m.Value.StartsWith("<h2>", StringComparison.Ordinal)).Select(m => m.Value)))
            .Distinct();

        Assert.Single(sections);
    }

    [Fact]
    public void AgendaText_InFrench_IsWrittenInFrench_WithTheTitleAsTheOrganiserWroteIt()
    {
        var text = AgendaTemplate.Text(new AgendaModel(ThemeB, "Border governance", Start, Start.AddHours(2), null), CultureInfo.GetCultureInfo("fr"));

        Assert.StartsWith("Border governance\n", text);
        Assert.Contains("Ordre du jour", text);
        Assert.Contains("sam. 12 déc. 2026, 14:00–16:00 (GMT+7)", text);
        Assert.Contains("Clôture et prochaines étapes", text);
        Assert.DoesNotContain("Closing and next steps", text);
    }

    [Fact]
    public void CalendarFile_EscapesTextFoldsLongLinesAndEndsLinesWithCrlf()
    {
        var description = "Agenda; item one, item two\\three\nnext line " + new string('é', 60);
        var text = CalendarFile.BuildText(new CalendarEntry("k@gcmbot", 2, Start, Start, Start.AddHours(2), "A, B; C", description, null, false,
            [("Nguyễn \"Lan\"", "lan@example.org"), ("Not an address", "nobody")]));

        Assert.Contains("\r\nSUMMARY:A\\, B\\; C\r\n", text);
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Agenda\\; item one\\, item two\\\\three\\nnext line " + new string('é', 60) + "\r\n", unfolded);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains("ATTENDEE;CN=\"Nguyễn Lan\";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:lan@example.org", unfolded);
        Assert.DoesNotContain("nobody", text);
        Assert.Contains("\r\nSEQUENCE:2\r\n", text);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\n", text);
    }
}
