using GcmBot.Bot.Questions;

namespace GcmBot.Bot.Tests.Questions;

public sealed class QnaExporterTests
{
    private static readonly DateTimeOffset At = new(2020, 8, 26, 4, 30, 0, TimeSpan.Zero);

    private static QnaSession Session(AskerVisibility visibility) => new()
    {
        ConversationId = "c",
        Title = "Briefing [draft]",
        AskerVisibility = visibility,
        OpenedAt = At,
    };

    [Fact]
    public void Markdown_EscapesPeoplesText_SoItCannotBecomeLinksOrHeadings()
    {
        var rows = new[] { new QnaExporter.Row(1, "# [Click](http://evil) *now*", 2, QuestionStatus.Open, null, At, null, null, null) };

        var markdown = QnaExporter.Markdown(Session(AskerVisibility.Nobody), rows);

        Assert.Contains("\\# \\[Click\\]\\(http://evil\\) \\*now\\*", markdown);
        Assert.Contains("# Q&A: Briefing \\[draft\\]", markdown);
        Assert.Contains("Wed 26 Aug 2020, 11:30 (GMT+7)", markdown);
    }

    [Fact]
    public void Csv_WithoutNamesPolicy_HasNoAskerColumn()
    {
        var rows = new[] { new QnaExporter.Row(1, "Q", 2, QuestionStatus.Answered, "A", At, At, null, "Someone") };

        var csv = System.Text.Encoding.UTF8.GetString(QnaExporter.Csv(Session(AskerVisibility.Nobody), rows));

        Assert.DoesNotContain("Asked by", csv);
        Assert.DoesNotContain("Someone", csv);
        Assert.Contains("1,Q,2,answered,A,2020-08-26 04:30,2020-08-26 04:30,", csv);
    }
}
