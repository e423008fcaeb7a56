using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Scheduling;

namespace GcmBot.Bot.Scheduling;

/// <summary>
/// Tells invited registrants, in their personal chat with the bot and in their own time zone, that they are invited,
/// that the time changed, or that the consultation is cancelled — each news once. Messages go through the outbound
/// queue (stored first, sent within Teams' limits); their de-duplication keys make a repeated sync harmless.
/// </summary>
public sealed class ConsultationNotifier(
    ConsultationStore store,
    ConversationStore conversations,
    INotificationQueue queue,
    TimeProvider time)
{
    /// <summary>Brings the invitee list in line with <paramref name="invited"/> and queues what each person has not heard yet.</summary>
    public async Task<InvitationFigures> SyncAsync(
        Consultation consultation, IReadOnlyList<Registrant> invited, bool emailInvitationsSent, CancellationToken cancellationToken)
    {
        var rows = await store.InviteesAsync(consultation.Id, cancellationToken);
        var added = new List<ConsultationInvitee>();
        var changed = new List<ConsultationInvitee>();
        var reachable = 0;

        if (consultation.Status == ConsultationStatus.Cancelled)
        {
            foreach (var row in rows.Where(r => r.NotifiedStart is not null && !r.CancellationNotified))
            {
                var chat = await conversations.FindPersonalChatAsync(row.UserStableId, cancellationToken);
                if (chat is null)
                {
                    continue;
                }

                await EnqueueAsync(consultation, ConsultationNoticeKind.Cancelled, chat, row.UserStableId, "cancelled", emailInvitationsSent, cancellationToken);
                row.CancellationNotified = true;
                changed.Add(row);
                reachable++;
            }

            await store.SaveInviteesAsync(added, changed, [], cancellationToken);
            return new InvitationFigures(0, reachable);
        }

        var known = rows.ToDictionary(r => r.UserStableId, StringComparer.Ordinal);
        foreach (var registrant in invited)
        {
            if (!known.TryGetValue(registrant.UserStableId, out var row))
            {
                row = new ConsultationInvitee { ConsultationId = consultation.Id, UserStableId = registrant.UserStableId, InvitedAt = time.GetUtcNow() };
                added.Add(row);
            }

            var chat = await conversations.FindPersonalChatAsync(registrant.UserStableId, cancellationToken);
            if (chat is null)
            {
                // Never talked to the bot: Graph's e-mail invitation is all they get (until they do talk to it).
                continue;
            }

            reachable++;
            if (row.NotifiedStart == consultation.Start)
            {
                continue;
            }

            var kind = row.NotifiedStart is null ? ConsultationNoticeKind.Invited : ConsultationNoticeKind.Moved;
            await EnqueueAsync(consultation, kind, chat, registrant.UserStableId, consultation.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), emailInvitationsSent && !string.IsNullOrWhiteSpace(registrant.Email), cancellationToken);
            row.NotifiedStart = consultation.Start;
            if (!added.Contains(row))
            {
                changed.Add(row);
            }
        }

        var stillInvited = invited.Select(r => r.UserStableId).ToHashSet(StringComparer.Ordinal);
        var removed = rows.Where(r => !stillInvited.Contains(r.UserStableId)).ToList();
        await store.SaveInviteesAsync(added, changed, removed, cancellationToken);
        return new InvitationFigures(invited.Count, reachable);
    }

    /// <summary>How many of the invited have a personal chat with the bot (for figures before any message is sent).</summary>
    public async Task<InvitationFigures> CountAsync(IReadOnlyList<Registrant> invited, CancellationToken cancellationToken)
    {
        var reachable = 0;
        foreach (var registrant in invited)
        {
            if (await conversations.FindPersonalChatAsync(registrant.UserStableId, cancellationToken) is not null)
            {
                reachable++;
            }
        }

        return new InvitationFigures(invited.Count, reachable);
    }

    private async Task EnqueueAsync(
        Consultation consultation,
        ConsultationNoticeKind kind,
        ConversationRecord chat,
        string userStableId,
        string news,
        bool emailInvitationSent,
        CancellationToken cancellationToken)
    {
        var zone = ConsultationZones.TryFind(chat.TimeZoneId, out var personZone) ? personZone : null;
        var card = ConsultationViews.NoticeCard(consultation, kind, zone, emailInvitationSent);
        var line = kind switch
        {
            ConsultationNoticeKind.Invited => $"You are invited: {consultation.Title}, {ConsultationViews.When(consultation, zone)}",
            ConsultationNoticeKind.Moved => $"New time: {consultation.Title}, {ConsultationViews.When(consultation, zone)}",
            _ => $"Cancelled: {consultation.Title}",
        };
        await queue.EnqueueToConversationAsync(chat.ConversationId, new OutboundContent(line, card), DeduplicationKey(consultation, news, userStableId), cancellationToken);
    }

    // The person's id is hashed: keys are unique per person and news without storing who in another table.
    private static string DeduplicationKey(Consultation consultation, string news, string userStableId) =>
        $"consultation:{consultation.Key:N}:{news}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userStableId)), 0, 16)}";
}
