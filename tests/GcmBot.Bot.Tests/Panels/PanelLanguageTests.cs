using System.Text.Json.Nodes;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.Panels;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>The panels in the stakeholders' languages, and the pseudo-locale run that finds English left inline.</summary>
public sealed class PanelLanguageTests : IAsyncLifetime
{
    private PanelsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await PanelsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Chinese_ProposeWithProblems_AndEndorse_InChinese()
    {
        _kit.Directory.Register(TestUsers.Chen);
        var chen = _kit.Bot.PersonalChat(TestUsers.Chen).InLocale("zh-CN");
        var form = await chen.SayAsync("propose panellist");
        Assert.Contains("推荐专家小组成员", form.Reply.AllText);

        var wrong = await chen.PressAsync(form.Reply.Card, PanelVerbs.Save, PanelsKit.Form((PanelFormCard.Languages, string.Empty)));
        Assert.Contains("请至少填写一种语言。", wrong.AllText);
        var sent = await chen.PressAsync(wrong.Reply.Card, PanelVerbs.Save, PanelsKit.Form());
        Assert.Contains("谢谢：已收到推荐", sent.AllText);

        var other = await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, "Ravi Kumar"));
        var endorsed = await _kit.Bot.PersonalChat(TestUsers.Chen).InLocale("zh-CN").SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Endorse, [PanelVerbs.Id] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("您已支持 Ravi Kumar 参加小组 b。谢谢。", endorsed.AllText);
        Assert.Equal("zh", endorsed.Reply.Card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task PseudoLocale_PanelFlow_HasNoInlineEnglish()
    {
        _kit.Directory.Register(TestUsers.Alice);
        _kit.Directory.Register(TestUsers.Bob, group: "academia", country: "IN", gender: "man");
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("qps-ploc");
        var bob = _kit.Bot.PersonalChat(TestUsers.Bob).InLocale("qps-ploc");
        var organiser = _kit.Bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        var typed = PanelsKit.Form();
        var ravi = PanelsKit.Form((PanelFormCard.Name, "Ravi Kumar"), (PanelFormCard.Consent, PanelFormCard.ConsentNo));
        var turns = new List<Turn>();

        var form = await alice.SayAsync("propose panellist");
        turns.Add(form);
        turns.Add(await alice.SayAsync("propose panellist x"));
        turns.Add(await alice.PressAsync(form.Reply.Card, PanelVerbs.Save, PanelsKit.Form((PanelFormCard.Name, string.Empty), (PanelFormCard.Email, "nope"), (PanelFormCard.Consent, string.Empty))));
        turns.Add(await alice.PressAsync(form.Reply.Card, PanelVerbs.Save, typed));
        var bobForm = await bob.SayAsync("propose panellist b");
        turns.Add(await bob.PressAsync(bobForm.Reply.Card, PanelVerbs.Save, ravi));
        var overview = await bob.SayAsync("panels");
        turns.Add(overview);
        var panel = await bob.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Browse, [PanelVerbs.Panel] = "b" });
        turns.Add(panel);
        turns.Add(await bob.PressAsync(panel.Reply.Card, PanelVerbs.Endorse));
        turns.Add(await _kit.Bot.PersonalChat(TestUser.Numbered(7)).InLocale("qps-ploc").SayAsync("panels b"));
        turns.Add(await alice.SayAsync("my panel proposals"));
        var review = await organiser.SayAsync("panel review");
        turns.Add(review);
        var reviewB = await organiser.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Review, [PanelVerbs.Panel] = "b" });
        turns.Add(reviewB);
        var select = CardText.Actions(reviewB.Reply.Card).First(a => (a["data"] as JsonObject)?[PanelVerbs.Decision]?.GetValue<string>() == PanelVerbs.Select);
        var selected = await organiser.SubmitAsync(select["data"]!.DeepClone().AsObject());
        turns.Add(selected);
        var bobChat = _kit.Bot.PersonalChat(TestUsers.Bob).Id;
        var before = _kit.Bot.Connector.CallsTo(bobChat).Count(c => c.IsSend);
        turns.Add(await organiser.PressAsync(selected.Reply.Card, PanelVerbs.Publish));

        var data = PseudoData.Of([.. PseudoData.Typed(typed), .. PseudoData.Typed(ravi), "nope"]);
        foreach (var turn in turns)
        {
            Assert.NotEmpty(turn.AllText);
            Assert.Empty(Untranslated.In(turn.AllText, data));
        }

        // The proactive notice to the proposer who was not selected, sent after the organiser's turn. (The pseudo-locale is
        // never remembered as a person's language, so the notice itself is English; the French test checks its words.)
        var calls = await _kit.Bot.Connector.WaitForAsync(all => all.Count(c => c.IsSend && c.ConversationId == bobChat) > before);
        var notice = calls.Last(c => c.IsSend && c.ConversationId == bobChat).Activity;
        Assert.Contains("Thank you for proposing Ravi Kumar", notice.AllText);
    }
}
