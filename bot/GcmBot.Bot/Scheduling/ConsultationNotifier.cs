using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Scheduling;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Scheduling;

/// <summary>
/// Tells invited registrants, in their personal chat with the bot, in their own language and time zone, that they are invited,
/// that the time changed, or that the consultation is cancelled — each news once. Messages go through the outbound
/// queue (stored first, sent within Teams' limits); their de-duplication keys make a repeated sync harmless.
/// </summary>
public sealed class ConsultationNotifier(
    ConsultationStore store,
    ConversationStore conversations,
    INotificationQueue queue,
    LanguageStore languages,
    IStringLocalizer<SchedulingTexts> texts,
    TimeProvider time)
{
    /// <summary>Brings the invitee list in line with <paramref name="invited"/> and queues what each person has not heard yet.</summary>
    public async Task<InvitationFigures> SyncAsync(
        Consultation consultation, IReadOnlyList<Registrant> invited, bool emailInvitationsSent, CancellationToken cancellationToken)
    {
        var rows = await store.InviteesAsync(consultation.Id, cancellationToken);
        var added = new List<ConsultationInvitee>();
        var changed = new List<ConsultationInvitee>();
        var notices = new List<OutboundRequest>();

        if (consultation.Status == ConsultationStatus.Cancelled)
        {
            var toTell = rows.Where(r => r.NotifiedStart is not null && !r.CancellationNotified).ToList();
            var cancelledChats = await conversations.FindPersonalChatsAsync(toTell.Select(r => r.UserStableId).ToList(), cancellationToken);
            var cancelledLanguages = await languages.OfPeopleAsync(cancelledChats.Keys.ToList(), cancellationToken);
            foreach (var row in toTell)
            {
                if (cancelledChats.TryGetValue(row.UserStableId, out var chat))
                {
                    notices.Add(Notice(consultation, ConsultationNoticeKind.Cancelled, chat, row.UserStableId, "cancelled", emailInvitationsSent, cancelledLanguages[row.UserStableId]));
                    row.CancellationNotified = true;
                    changed.Add(row);
                }
            }

            await queue.EnqueueManyAsync(notices, cancellationToken);
            await store.SaveInviteesAsync(added, changed, [], cancellationToken);
            return new InvitationFigures(0, notices.Count);
        }

        var known = rows.ToDictionary(r => r.UserStableId, StringComparer.Ordinal);
        var chats = await conversations.FindPersonalChatsAsync(invited.Select(r => r.UserStableId).ToList(), cancellationToken);
        var recipients = chats.Keys.Where(id => !known.TryGetValue(id, out var r) || r.NotifiedStart != consultation.Start).ToList();
        var recipientLanguages = await languages.OfPeopleAsync(recipients, cancellationToken);
        var news = consultation.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var registrant in invited)
        {
            if (!known.TryGetValue(registrant.UserStableId, out var row))
            {
                row = new ConsultationInvitee { ConsultationId = consultation.Id, UserStableId = registrant.UserStableId, InvitedAt = time.GetUtcNow() };
                added.Add(row);
            }

            // Without a chat with the bot, Graph's e-mail invitation is all they get (until they talk to the bot).
            if (!chats.TryGetValue(registrant.UserStableId, out var chat) || row.NotifiedStart == consultation.Start)
            {
                continue;
            }

            var kind = row.NotifiedStart is null ? ConsultationNoticeKind.Invited : ConsultationNoticeKind.Moved;
            notices.Add(Notice(
                consultation, kind, chat, registrant.UserStableId, news, emailInvitationsSent && !string.IsNullOrWhiteSpace(registrant.Email),
                recipientLanguages.GetValueOrDefault(registrant.UserStableId) ?? Cards.Words.SupportedLanguages.English));
            row.NotifiedStart = consultation.Start;
            if (!added.Contains(row))
            {
                changed.Add(row);
            }
        }

        // Queued before the rows are written: after a crash in between, the next sync queues the same keys, which are skipped.
        await queue.EnqueueManyAsync(notices, cancellationToken);
        var stillInvited = invited.Select(r => r.UserStableId).ToHashSet(StringComparer.Ordinal);
        var removed = rows.Where(r => !stillInvited.Contains(r.UserStableId)).ToList();
        await store.SaveInviteesAsync(added, changed, removed, cancellationToken);
        return new InvitationFigures(invited.Count, invited.Count(r => chats.ContainsKey(r.UserStableId)));
    }

    /// <summary>How many of the invited have a personal chat with the bot (for figures before any message is sent).</summary>
    public async Task<InvitationFigures> CountAsync(IReadOnlyList<Registrant> invited, CancellationToken cancellationToken)
    {
        var chats = await conversations.FindPersonalChatsAsync(invited.Select(r => r.UserStableId).ToList(), cancellationToken);
        return new InvitationFigures(invited.Count, invited.Count(r => chats.ContainsKey(r.UserStableId)));
    }

    /// <summary>One person's notice, written in their language (<paramref name="culture"/>) and time zone.</summary>
    private OutboundRequest Notice(
        Consultation consultation,
        ConsultationNoticeKind kind,
        ConversationRecord chat,
        string userStableId,
        string news,
        bool emailInvitationSent,
        CultureInfo culture)
    {
        using var scope = LanguageScope.Use(culture);
        var zone = ConsultationZones.TryFind(chat.TimeZoneId, out var personZone) ? personZone : null;
        var card = ConsultationViews.NoticeCard(consultation, kind, zone, emailInvitationSent, culture);
        var line = kind switch
        {
            ConsultationNoticeKind.Invited => texts["Notice.Invited", consultation.Title, ConsultationViews.When(consultation, zone, culture)],
            ConsultationNoticeKind.Moved => texts["Notice.Moved", consultation.Title, ConsultationViews.When(consultation, zone, culture)],
            _ => texts["Notice.Cancelled", consultation.Title],
        };
        return new OutboundRequest(chat.ConversationId, new OutboundContent(line, card), DeduplicationKey(consultation, news, userStableId));
    }

    // The person's id is hashed: keys are unique per person and news without storing who in another table.
    private static string DeduplicationKey(Consultation consultation, string news, string userStableId) =>
        $"consultation:{consultation.Key:N}:{news}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userStableId)), 0, 16)}";
}
