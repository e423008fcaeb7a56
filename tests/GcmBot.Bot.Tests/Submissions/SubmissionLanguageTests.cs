using System.Text.Json.Nodes;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Submissions;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Tests.Submissions;

/// <summary>
/// Written submissions in the stakeholders' own languages: the form and confirmations in theirs, the organiser's review in
/// English, and the organiser's decision reaching each author as a notice in the author's language.
/// </summary>
public sealed class SubmissionLanguageTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task French_SubmitAndAccepted_FormAndNoticeInFrench_OrganiserInEnglish()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR");

        var form = await alice.SayAsync("submit");
        Assert.Equal("fr", form.Reply.Card["lang"]!.GetValue<string>());
        Assert.Contains("Envoyer une contribution écrite", form.Reply.AllText);
        Assert.Contains("Pouvons-nous la publier ?", form.Reply.AllText);

        var sent = await alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, SubmissionsKit.Form());
        Assert.Contains("Merci : contribution #1 reçue", sent.AllText);
        Assert.Contains("En attente d'examen", sent.AllText);

        var review = await _kit.Bot.PersonalChat(TestUsers.Organiser).SayAsync("review submissions");
        Assert.Contains("One submission is waiting.", review.Reply.AllText);
        Assert.Equal("en", review.Reply.Card["lang"]!.GetValue<string>());
        var decided = await _kit.DecideAsync(1, SubmissionVerbs.Accept);
        Assert.Contains("#1 is accepted. The author is being told.", decided.AllText);

        var notice = await _kit.NoticeAsync(TestUsers.Alice, "Votre contribution #1 a été acceptée");
        Assert.Equal("fr", notice.Card["lang"]!.GetValue<string>());
        Assert.Contains("Elle est maintenant publiée sur la page web de l'examen régional", notice.AllText);
        Assert.Contains("Acceptée et publiée sur la page web de l'examen", notice.AllText);
        Assert.Contains("/submissions?lang=fr", notice.Card.ToJsonString());
    }

    [Fact]
    public async Task Chinese_SubmissionReturned_NoticeAndCommentInChinese_OrganiserInEnglish()
    {
        _kit.Directory.Register(TestUsers.Bob);
        var bob = _kit.Bot.PersonalChat(TestUsers.Bob).InLocale("zh-CN");
        var form = await bob.SayAsync("submit");
        Assert.Contains("提交书面意见", form.Reply.AllText);
        var sent = await bob.PressAsync(form.Reply.Card, SubmissionVerbs.Save, SubmissionsKit.Form());
        Assert.Contains("谢谢：已收到书面意见 #1", sent.AllText);

        var decided = await _kit.DecideAsync(1, SubmissionVerbs.Return, "Please add your sources.");
        Assert.Contains("#1 is returned to its author. The author is being told.", decided.AllText);

        var notice = await _kit.NoticeAsync(TestUsers.Bob, "您的书面意见 #1 已被退回修改");
        Assert.Equal("zh", notice.Card["lang"]!.GetValue<string>());
        Assert.Contains("组织者意见：Please add your sources.", notice.AllText);
        Assert.Contains("修改", CardText.Actions(notice.Card).Select(a => a["title"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Russian_FormWithProblems_ExplainsEachFieldInRussian()
    {
        _kit.Directory.Register(TestUsers.Chen);
        var chen = _kit.Bot.PersonalChat(TestUsers.Chen).InLocale("ru-RU");
        var form = await chen.SayAsync("submit");

        var turn = await chen.PressAsync(form.Reply.Card, SubmissionVerbs.Save, SubmissionsKit.Form(
            (SubmissionFormCard.Title, "Ok"), (SubmissionFormCard.Objectives, "6,23"), (SubmissionFormCard.Link, "http://example.org")));

        var text = turn.AllText;
        Assert.Contains("3 ответа нужно проверить", text);
        Assert.Contains("Название должно быть не короче 3 символов.", text);
        Assert.Contains("Цель 23 относится к теме d.", text);
        Assert.Contains("Укажите полный веб-адрес, начинающийся с https://", text);
    }

    [Fact]
    public async Task PseudoLocale_SubmissionFlow_HasNoInlineEnglish()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("qps-ploc");
        var organiser = _kit.Bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        var typed = SubmissionsKit.Form();
        var turns = new List<Turn>();

        var form = await alice.SayAsync("submit");
        turns.Add(form);
        turns.Add(await alice.SayAsync("submit x"));
        turns.Add(await alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, SubmissionsKit.Form(
            (SubmissionFormCard.Title, "Ok"), (SubmissionFormCard.Objectives, "6,23"), (SubmissionFormCard.Link, "http://example.org"),
            (SubmissionFormCard.Organisation, string.Empty), (SubmissionFormCard.Consent, "organisation"))));
        turns.Add(await alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, typed));
        var mine = await alice.SayAsync("my submissions");
        turns.Add(mine);
        turns.Add(await alice.PressAsync(mine.Reply.Card, SubmissionVerbs.Edit));
        turns.Add(await organiser.SayAsync("review submissions"));
        turns.Add(await organiser.SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.ReviewOpen, [SubmissionVerbs.Id] = "1" }));
        var opened = turns[^1].Reply.Card;
        var accept = CardText.Actions(opened).First(a => (a["data"] as JsonObject)?[SubmissionVerbs.Decision]?.GetValue<string>() == SubmissionVerbs.Return);
        turns.Add(await organiser.SubmitAsync(accept["data"]!.DeepClone().AsObject()));
        turns.Add(await alice.PressAsync(mine.Reply.Card, SubmissionVerbs.Withdraw));

        foreach (var turn in turns)
        {
            Assert.NotEmpty(turn.AllText);
            Assert.Empty(Untranslated.In(turn.AllText, PseudoData.Of([.. PseudoData.Typed(typed), .. SubmissionRules.ConsentCodes.Keys])));
        }
    }
}

/// <summary>What a pseudo-locale run may show as written: what the test typed, reference data, codes and dates.</summary>
public static class PseudoData
{
    /// <summary>
    /// The roundtable themes' and GCM objectives' official titles (reference data, not yet translated here), the
    /// stakeholder groups, subregions and countries, and what a date reads like in the pseudo-locale (formatted as English).
    /// </summary>
    public static IReadOnlyList<string> Reference { get; } =
    [
        .. GcmReference.Themes.Select(t => t.Title),
        .. GcmReference.Objectives.Select(o => o.Title),
        .. StakeholderReference.Groups.SelectMany(g => new[] { g.Label, g.Code }),
        .. StakeholderReference.Subregions.SelectMany(s => new[] { s.Label, s.Code }),
        .. StakeholderReference.Countries.Select(c => c.Name),
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        "December", "GMT", "UTC",
    ];

    public static IEnumerable<string> Typed(IReadOnlyDictionary<string, string> form) =>
        form.Values.SelectMany(v => v.Split("\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The reference data and the given values, without the short ones (a theme "a" or a code "sea" taken out of every
    /// word would hide real English; words under three letters are never reported anyway).
    /// </summary>
    public static string[] Of(IEnumerable<string> data) => [.. Reference.Concat(data).Where(d => d.Length >= 3)];
}
