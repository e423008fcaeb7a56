using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Registration;

/// <summary>Drives registration as a person would (type register, fill the form, press the button) and reads the store.</summary>
internal static class RegistrationDriver
{
    /// <summary>A complete, valid set of answers for the form (a migrant civil-society worker in Nepal, theme a).</summary>
    public static Dictionary<string, string> ValidAnswers(string events = "consult-a") => new()
    {
        [RegistrationFormCard.Email] = "alice@example.org",
        [RegistrationFormCard.Organisation] = "Migrant Forum Nepal",
        [RegistrationFormCard.Group] = "civil-society",
        [RegistrationFormCard.Country] = "NP",
        [RegistrationFormCard.Gender] = "woman",
        [RegistrationFormCard.MigrantVoice] = "migrant",
        [RegistrationFormCard.Themes] = "a,c",
        [RegistrationFormCard.Events] = events,
        [RegistrationFormCard.Contribution] = "speak",
        [RegistrationFormCard.Consent] = "true",
    };

    /// <summary>Types register, fills the form with the answers (others as shown) and submits it.</summary>
    public static async Task<Turn> RegisterAsync(BotApp bot, TestUser user, IReadOnlyDictionary<string, string>? answers = null)
    {
        var chat = bot.PersonalChat(user);
        var form = await chat.SayAsync("register");
        return await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, answers ?? ValidAnswers());
    }

    /// <summary>Presses the button with this title (cards with two buttons of the same verb, like Yes and No).</summary>
    public static Task<Turn> PressTitledAsync(TeamsConversation chat, System.Text.Json.Nodes.JsonObject card, string title)
    {
        var action = CardText.Actions(card).Single(a => a["title"]?.GetValue<string>() == title);
        return chat.SubmitAsync(action["data"]!.AsObject());
    }

    public static async Task<List<EventRegistration>> RegistrationsAsync(BotApp bot, string? eventId = null)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<EventRegistration>().AsNoTracking().Where(r => eventId == null || r.EventId == eventId).OrderBy(r => r.Id).ToListAsync();
    }

    public static async Task<StakeholderProfile?> ProfileAsync(BotApp bot, TestUser user)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<StakeholderProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserStableId == user.AadObjectId);
    }

    /// <summary>Sets an event's places and confirmation mode directly (test set-up, not under test).</summary>
    public static async Task SetEventAsync(BotApp bot, string eventId, int? capacity, ConfirmationMode confirmation = ConfirmationMode.Automatic)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        await db.Set<CatalogueEvent>().Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Capacity, capacity)
            .SetProperty(e => e.Confirmation, confirmation));
    }
}
