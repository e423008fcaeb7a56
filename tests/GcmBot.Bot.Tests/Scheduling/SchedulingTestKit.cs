using System.Collections.Concurrent;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>Registrants as Registration would report them; tests add people at any moment ("registered late").</summary>
public sealed class TestRegistrants : IRegistrantDirectory
{
    private readonly ConcurrentDictionary<string, (Registrant Person, string Themes)> _people = new();

    public TestRegistrants Add(TestUser user, string themes, string? email = null)
    {
        var name = user.Name;
        _people[user.AadObjectId] = (new Registrant(user.AadObjectId, name, email ?? name.Split(' ')[0].ToLowerInvariant() + "@example.org", "consultations", "confirmed"), themes);
        return this;
    }

    /// <summary>As Registration does when a person asks to be forgotten.</summary>
    public void Remove(TestUser user) => _people.TryRemove(user.AadObjectId, out _);

    public Task<IReadOnlyList<Registrant>> ForThemeAsync(char theme, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Registrant>>(_people.Values.Where(p => p.Themes.Contains(theme)).Select(p => p.Person).OrderBy(p => p.Name).ToList());

    public Task<IReadOnlyList<Registrant>> AllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Registrant>>(_people.Values.Select(p => p.Person).OrderBy(p => p.Name).ToList());
}

public static class SchedulingTestKit
{
    /// <summary>Friday 27 Nov 2026, 17:00 in Bangkok.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A bot with fake time, and these registrants in place of Registration.</summary>
    public static void Use(this BotAppOptions options, TestRegistrants registrants)
    {
        options.FakeTimeStart = Now;
        options.Services.Add(services => services.AddSingleton<IRegistrantDirectory>(registrants));
    }

    public static async Task<List<Consultation>> ConsultationsAsync(this BotApp bot)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<Consultation>().AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public static async Task<Consultation> ConsultationAsync(this BotApp bot, int id) => (await bot.ConsultationsAsync()).Single(c => c.Id == id);

    public static async Task<List<ConsultationInvitee>> InviteesAsync(this BotApp bot, int id)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsultationInvitee>().AsNoTracking().Where(i => i.ConsultationId == id).ToListAsync();
    }

    /// <summary>Waits until the consultation's invitees satisfy a condition (the worker invites after the turn).</summary>
    public static Task<List<ConsultationInvitee>> WaitForInviteesAsync(this BotApp bot, int id, Func<List<ConsultationInvitee>, bool> condition) =>
        PollAsync(() => bot.InviteesAsync(id), condition, $"The invitees of consultation {id}");

    /// <summary>Waits until the consultation satisfies a condition (the worker applies changes after the turn).</summary>
    public static Task<Consultation> WaitForConsultationAsync(this BotApp bot, int id, Func<Consultation, bool> condition) =>
        PollAsync(() => bot.ConsultationAsync(id), condition, $"Consultation {id}");

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        // Generous: the worker runs after the turn, on a machine that may be busy.
        for (var i = 0; i < 1200; i++)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what} never reached the expected state.");
    }

    /// <summary>Messages the bot sent into one conversation (proactive ones included).</summary>
    public static IReadOnlyList<ReceivedActivity> SentTo(this BotApp bot, TeamsConversation chat) =>
        bot.Connector.Sent.Where(s => s.Call?.ConversationId == chat.Id).ToList();

    public static Task WaitForSendAsync(this BotApp bot, TeamsConversation chat, string text) =>
        bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == chat.Id && c.Activity.AllText.Contains(text, StringComparison.Ordinal)));
}
