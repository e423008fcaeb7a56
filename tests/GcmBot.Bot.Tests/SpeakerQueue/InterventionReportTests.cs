using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Tests.SpeakerQueue;

public sealed class InterventionReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    private static Intervention Turn(string name, string group, string gender, int minute, int seconds) => new(
        name, null, SpeakerCategories.Of(group, "sea", gender), SpeechKind.Statement, null, Start.AddMinutes(minute), TimeSpan.FromSeconds(seconds), false);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59, "0:59")]
    [InlineData(125, "2:05")]
    [InlineData(3725, "1:02:05")]
    public void FormatDuration_ReadsLikeAClock(int seconds, string expected)
    {
        Assert.Equal(expected, InterventionReport.FormatDuration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Totals_AddUpPerCategory_InReferenceOrder_UnknownLast()
    {
        var report = InterventionReport.Create(
        [
            Turn("A", "unknown", "woman", 0, 60),
            Turn("B", "civil-society", "man", 1, 90),
            Turn("C", "migrants", "woman", 3, 30),
            Turn("D", "civil-society", "woman", 4, 30),
        ]);

        Assert.Equal(["migrants", "civil-society", "unknown"], report.ByGroup.Select(t => t.Code));
        Assert.Equal(TimeSpan.FromSeconds(120), report.ByGroup.Single(t => t.Code == "civil-society").Duration);
        Assert.Equal(3, report.ByGender.Single(t => t.Code == "woman").Turns);
        Assert.Equal(TimeSpan.FromSeconds(210), report.TotalDuration);
    }

    [Fact]
    public void Markdown_EscapesWhatPeopleTyped()
    {
        var report = InterventionReport.Create([Turn("A | B [x](y)", "media", "man", 0, 10) with { Topic = "*bold*\nnext line" }]);

        var markdown = report.Markdown("Title", TimeText.ReferenceZone, Start, SpeakerQueueKit.Texts);

        Assert.Contains(@"| A \| B \[x\](y) |", markdown);
        Assert.Contains(@"\*bold\* next line", markdown);
        Assert.Contains("## Speaking time by ESCAP subregion", markdown);
    }

    [Fact]
    public void InterventionsCsv_NeutralisesFormulas()
    {
        var report = InterventionReport.Create([Turn("=cmd()", "media", "man", 0, 10)]);

        var csv = Encoding.UTF8.GetString(report.InterventionsCsv(TimeText.ReferenceZone, SpeakerQueueKit.Texts));

        Assert.Contains("\r\n1,'=cmd(),", csv);
    }
}
