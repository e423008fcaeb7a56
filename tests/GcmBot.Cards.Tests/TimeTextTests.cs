using GcmBot.Cards.Common;

namespace GcmBot.Cards.Tests;

public sealed class TimeTextTests
{
    private static readonly DateTimeOffset BriefingStart = new(2020, 8, 26, 11, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset BriefingEnd = new(2020, 8, 26, 13, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public void ForPerson_InBangkok_ShowsOneTime()
    {
        var text = TimeText.ForPerson(BriefingStart, BriefingEnd, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok"));

        Assert.Equal("Wed 26 Aug 2020, 11:00–13:30 (GMT+7)", text);
    }

    [Fact]
    public void ForPerson_InKathmandu_ShowsTheirTimeAndGmt7()
    {
        var text = TimeText.ForPerson(BriefingStart, BriefingEnd, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"));

        Assert.Equal("Wed 26 Aug 2020, 09:45–12:15 (GMT+5:45) · Wed 26 Aug 2020, 11:00–13:30 (GMT+7)", text);
    }

    [Fact]
    public void ForPerson_InFiji_CrossesMidnightWithFullEndDate()
    {
        var text = TimeText.ForPerson(new DateTimeOffset(2020, 8, 26, 18, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2020, 8, 26, 20, 0, 0, TimeSpan.FromHours(7)), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Fiji"));

        Assert.StartsWith("Wed 26 Aug 2020, 23:00–Thu 27 Aug 2020, 01:00 (GMT+12)", text);
    }

    [Fact]
    public void ForPerson_UnknownZone_ShowsGmt7AndUtc()
    {
        var text = TimeText.ForPerson(BriefingStart, BriefingEnd, null);

        Assert.Equal("Wed 26 Aug 2020, 11:00–13:30 (GMT+7) · Wed 26 Aug 2020, 04:00–06:30 (UTC)", text);
    }
}
