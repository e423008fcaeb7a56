using System.Net;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.PublicForms;

public sealed class WebRegistrationTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private WebFormClient _web = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync();
        _web = new WebFormClient(_bot.CreateBrowserClient());
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static Dictionary<string, string> Answers(string email = "ana@example.org", string events = "consult-b") => new()
    {
        ["name"] = "Ana Reyes",
        ["email"] = email,
        ["organisation"] = "Center for Migrant Advocacy",
        ["group"] = "civil-society",
        ["country"] = "PH",
        ["gender"] = "woman",
        ["voice"] = "advocate",
        ["events"] = events,
        ["consent"] = "true",
    };

    [Fact]
    public async Task Form_IsPlainAccessibleHtml_WithItsSafeguards()
    {
        var page = await _web.GetAsync(PublicFormsCapability.RegisterPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"en\">", page.Html);
        Assert.Equal(WebLayout.ContentSecurityPolicy, page.Response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", WebLayout.ContentSecurityPolicy);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"__form\"", page.Html);
        Assert.Contains("<label for=\"email\">", page.Html);
        Assert.Contains("name=\"website\" tabindex=\"-1\"", page.Html);
        // The country list is alphabetical, so Hong Kong is found under H, not under its subregion.
        Assert.True(page.Html.IndexOf(">Afghanistan<", StringComparison.Ordinal) < page.Html.IndexOf(">Australia<", StringComparison.Ordinal));
        Assert.True(page.Html.IndexOf(">Australia<", StringComparison.Ordinal) < page.Html.IndexOf(">Hong Kong, China<", StringComparison.Ordinal));
        Assert.True(page.Html.IndexOf(">Hong Kong, China<", StringComparison.Ordinal) < page.Html.IndexOf(">Japan<", StringComparison.Ordinal));
        // The themes are asked once: the consultations carry them.
        Assert.DoesNotContain("name=\"themes\"", page.Html);
    }

    [Fact]
    public async Task Register_Valid_StoresOnce_AndGivesAPrivatePageWithTheStatus()
    {
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);

        var sent = await _web.SubmitAsync(form, Answers());

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.StartsWith(PublicFormsCapability.ManagePath + "/", sent.Location!.OriginalString);
        var registration = Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot));
        Assert.Equal("consult-b", registration.EventId);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.StartsWith("web:", registration.UserStableId);
        var profile = await ProfileAsync(registration.UserStableId);
        Assert.Equal("b", profile!.Themes);
        Assert.Equal("ana@example.org", profile.Email);

        var status = await _web.GetAsync(sent.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Contains("Thank you, your registration is saved", status.Html);
        Assert.Contains("Stakeholder consultation on theme b", status.Html);
        Assert.Contains("Confirmed: you have a place", status.Html);
        Assert.True(status.Response.Headers.CacheControl!.NoStore);
        Assert.Equal("noindex", status.Response.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task Register_WithProblems_ListsThemLinkedToTheirFields_AndStoresNothing()
    {
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);
        var answers = Answers(email: "not an address");
        answers.Remove("consent");

        var sent = await _web.SubmitAsync(form, answers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.Status);
        Assert.Contains("role=\"alert\"", sent.Html);
        Assert.Contains("<a href=\"#email\">", sent.Html);
        Assert.Contains("<a href=\"#consent\">", sent.Html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"email-error email-hint\"", sent.Html);
        Assert.Contains("id=\"email-error\"", sent.Html);
        // What the person typed is kept, encoded.
        Assert.Contains("value=\"Ana Reyes\"", sent.Html);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Register_WithoutTheFormsToken_IsRefusedKindly_AndStoresNothing()
    {
        var sent = await _web.PostAsync(PublicFormsCapability.RegisterPath, Answers());

        Assert.Equal(HttpStatusCode.BadRequest, sent.Status);
        Assert.Contains("Please open the form again", sent.Html);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Register_WithTheHiddenFieldFilled_IsRefused_AndStoresNothing()
    {
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);
        var answers = Answers();
        answers["website"] = "http://spam.example";

        var sent = await _web.SubmitAsync(form, answers);

        Assert.Equal(HttpStatusCode.BadRequest, sent.Status);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Register_TooLarge_IsRefused_AndStoresNothing()
    {
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);
        var answers = Answers();
        answers["needs"] = new string('x', 80_000);

        var sent = await _web.SubmitAsync(form, answers);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sent.Status);
        Assert.Contains("Nothing was saved", sent.Html);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Register_AnAddressRegisteredInTeams_AddsTheEventOnly_WithoutALinkOrAChangeToTheirAnswers()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);
        var answers = Answers(email: "ALICE@example.org", events: "consult-d");
        answers["organisation"] = "Someone else";

        var sent = await _web.SubmitAsync(form, answers);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("already registered through Microsoft Teams", sent.Html);
        Assert.DoesNotContain(PublicFormsCapability.ManagePath, sent.Html);
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(["consult-a", "consult-d"], registrations.Select(r => r.EventId).Order());
        Assert.All(registrations, r => Assert.Equal(TestUsers.Alice.AadObjectId, r.UserStableId));
        Assert.Equal("Migrant Forum Nepal", (await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice))!.Organisation);
    }

    [Fact]
    public async Task OrganiserApproval_OfAWebRegistrant_SaysWhereTheyWillSeeIt_AndTheirPageShowsIt()
    {
        var manage = await RegisteredAsync(Answers(events: "multi-stakeholder"));
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var approvals = await organiser.SayAsync("approvals multi-stakeholder");

        var decided = await organiser.PressAsync(approvals.Reply.Card, RegistrationVerbs.Decide);

        // Nobody is told they were told: a web registrant has no chat with GcmBot.
        Assert.Contains("Confirmed. The person registered on the web: they see it on their private registration page.", decided.Reply.AllText);
        Assert.DoesNotContain("being told", decided.Reply.AllText);
        var page = await _web.GetAsync(manage);
        Assert.Contains("Confirmed: you have a place", page.Html);
    }

    [Fact]
    public async Task PrivatePage_Cancel_CancelsThatRegistrationOnly()
    {
        var manage = await RegisteredAsync(Answers(events: "consult-a,consult-b"));
        var page = await _web.GetAsync(manage);

        var cancelled = await _web.SubmitAsync(page, [], formIndex: 0);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var after = await _web.GetAsync(cancelled.Location!.OriginalString);
        Assert.Contains("Your place is cancelled", after.Html);
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(RegistrationStatus.Cancelled, registrations.Single(r => r.EventId == "consult-a").Status);
        Assert.Equal(RegistrationStatus.Confirmed, registrations.Single(r => r.EventId == "consult-b").Status);
    }

    [Fact]
    public async Task PrivatePage_Change_UntickingAnEvent_CancelsIt_AndKeepsTheOthers()
    {
        var manage = await RegisteredAsync(Answers(events: "consult-a,consult-b"));
        var edit = await _web.GetAsync(manage + "/edit");
        Assert.Contains("value=\"Ana Reyes\"", edit.Html);
        var answers = Answers(events: "consult-b");
        answers["organisation"] = "Migrant Rights Philippines";

        var saved = await _web.SubmitAsync(edit, answers);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(RegistrationStatus.Cancelled, registrations.Single(r => r.EventId == "consult-a").Status);
        Assert.Equal("Migrant Rights Philippines", (await ProfileAsync(registrations[0].UserStableId))!.Organisation);
    }

    [Fact]
    public async Task PrivatePage_Erase_NeedsConfirmation_ThenErasesEverything_AndTheLinkStopsWorking()
    {
        var manage = await RegisteredAsync(Answers());
        var page = await _web.GetAsync(manage);
        var eraseForm = page.Html.Split("<form").Length - 2;

        var unconfirmed = await _web.SubmitAsync(page, [], formIndex: eraseForm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.Status);
        Assert.NotNull(await ProfileAsync((await RegistrationDriver.RegistrationsAsync(_bot))[0].UserStableId));

        var erased = await _web.SubmitAsync(page, [new("confirm", "yes")], formIndex: eraseForm);

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Contains("Your data is erased", erased.Html);
        var registration = Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot));
        Assert.Null(await ProfileAsync(registration.UserStableId));
        Assert.Equal(HttpStatusCode.NotFound, (await _web.GetAsync(manage)).Status);
    }

    [Fact]
    public async Task PrivatePage_UnknownLink_SaysSoKindly()
    {
        var page = await _web.GetAsync(PublicFormsCapability.ManagePath + "/not-a-real-link");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("This link does not work", page.Html);
    }

    [Fact]
    public async Task Pages_FollowTheBrowsersLanguage_AndTheLanguageSwitch()
    {
        var french = await _web.GetAsync(PublicFormsCapability.RegisterPath, acceptLanguage: "de-DE, fr-FR;q=0.8, en;q=0.5");
        Assert.Contains("<html lang=\"fr\">", french.Html);
        Assert.Contains("Inscription au briefing et aux consultations", french.Html);
        Assert.Contains("href=\"/register?lang=zh-Hans\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>", french.Html);

        var chinese = await _web.GetAsync(PublicFormsCapability.RegisterPath + "?lang=zh-Hans", acceptLanguage: "fr-FR");
        Assert.Contains("<html lang=\"zh-Hans\">", chinese.Html);
        Assert.Contains("报名参加情况介绍会和磋商会", chinese.Html);
        // The form posts back in the language the person reads.
        Assert.Contains("action=\"/register?lang=zh-Hans\"", chinese.Html);
    }

    [Fact]
    public async Task StyleSheet_IsServed_ForTheStrictCsp()
    {
        using var response = await _bot.Http.GetAsync(WebLayout.StylePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<string> RegisteredAsync(Dictionary<string, string> answers)
    {
        var form = await _web.GetAsync(PublicFormsCapability.RegisterPath);
        var sent = await _web.SubmitAsync(form, answers);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        return sent.Location!.OriginalString.Split('?')[0];
    }

    private async Task<StakeholderProfile?> ProfileAsync(string stableId)
    {
        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<StakeholderProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserStableId == stableId);
    }
}

public sealed class WebRateLimitTests
{
    [Fact]
    public async Task Forms_FromOneAddress_AreLimited_WithAKindAnswer_AndNothingStored()
    {
        await using var bot = await BotApp.StartAsync(o => o.Settings["PublicForms:SendsPerMinutePerAddress"] = "2");
        var web = new WebFormClient(bot.CreateBrowserClient());
        var form = await web.GetAsync(PublicFormsCapability.RegisterPath);
        var invalid = new Dictionary<string, string> { ["name"] = "x" };

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await web.SubmitAsync(form, invalid)).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await web.SubmitAsync(form, invalid)).Status);
        var third = await web.SubmitAsync(form, WebRegistrationTests.Answers());

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Contains("Please wait a moment", third.Html);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(bot));
    }
}
