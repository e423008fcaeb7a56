using GcmBot.Bot.Attendance;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Reports;

/// <summary>One consultation's participation, for the representation view across the review.</summary>
public sealed record ConsultationParticipation(string EventId, string Title, DateTimeOffset? Start, Participation Participation);

/// <summary>Who took part in each consultation, and where a group, subregion or gender was under-represented.</summary>
public sealed record RepresentationReport(IReadOnlyList<ConsultationParticipation> Consultations, DateTimeOffset GeneratedAt);

/// <summary>
/// Reads what the capabilities hold about a consultation (a catalogue event). Its meeting chats are those of the
/// scheduled consultations on its theme (thematic consultations) and those where a Q&amp;A was opened for its event id;
/// the Q&amp;A, the speakers' list and the key issues of those chats belong to it, as do key issues recorded for its id.
/// Who attended comes from the Teams attendance reports of its scheduled consultations when one was read, else from
/// who was active in its chats; either way only registered attendees are put into categories.
/// </summary>
public sealed class ReportSource(
    IDbContextFactory<GcmDbContext> databases,
    RegistrationStore registrations,
    SpeakerQueueExporter speakers,
    SubmissionStore submissions,
    KeyIssueStore keyIssues,
    IParticipantDirectory directory,
    AttendanceStore attendance,
    TimeProvider time)
{
    public async Task<SummaryReport> BuildAsync(CatalogueEvent e, CancellationToken cancellationToken)
    {
        var chats = await ChatsOfAsync(e, cancellationToken);
        var balance = await registrations.BalanceAsync(e.Id, cancellationToken);
        var (questions, attendeeIds, recorded) = await ActivityAsync(e, chats, cancellationToken);
        var attended = await AttendanceAsync(e, attendeeIds, recorded, cancellationToken);

        var interventions = new List<Intervention>();
        foreach (var chat in chats)
        {
            if (await speakers.ReportAsync(chat, cancellationToken) is { } found)
            {
                interventions.AddRange(found.Report.Interventions);
            }
        }

        var received = new Dictionary<int, SubmissionRecord>();
        foreach (var theme in e.Themes)
        {
            foreach (var s in await submissions.ForThemeAsync(theme, cancellationToken))
            {
                received.TryAdd(s.Id, s);
            }
        }

        var points = new Dictionary<int, KeyIssueRecord>();
        foreach (var k in await keyIssues.ForEventAsync(e.Id, cancellationToken))
        {
            points.TryAdd(k.Id, k);
        }

        foreach (var chat in chats)
        {
            foreach (var k in await keyIssues.ForConversationAsync(chat, cancellationToken))
            {
                points.TryAdd(k.Id, k);
            }
        }

        return ReportComposer.Compose(new ReportInputs(
            e,
            balance,
            attended?.Registrants,
            questions,
            InterventionReport.Create(interventions),
            received.Values.OrderBy(s => s.Id).ToList(),
            points.Values.OrderBy(k => k.Id).ToList(),
            time.GetUtcNow(),
            await ScheduledTimeAsync(e, cancellationToken),
            attended));
    }

    /// <summary>Participation in every event of the catalogue that had registrations or activity, by date.</summary>
    public async Task<RepresentationReport> RepresentationAsync(IReadOnlyList<CatalogueEvent> events, CancellationToken cancellationToken)
    {
        var rows = new List<ConsultationParticipation>();
        foreach (var e in events.OrderBy(x => x.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(x => x.Id, StringComparer.Ordinal))
        {
            var chats = await ChatsOfAsync(e, cancellationToken);
            var balance = await registrations.BalanceAsync(e.Id, cancellationToken);
            var (_, attendeeIds, recorded) = await ActivityAsync(e, chats, cancellationToken);
            var attended = await AttendanceAsync(e, attendeeIds, recorded, cancellationToken);
            if (balance.Count(RegistrationStatus.Confirmed) == 0 && (attended?.Total ?? 0) == 0)
            {
                continue;
            }

            var participation = attended is null
                ? ReportComposer.ComposeParticipation(balance, null)
                : ReportComposer.ComposeParticipationFrom(balance, attended);
            rows.Add(new ConsultationParticipation(e.Id, e.Title, e.StartsAt ?? (await ScheduledTimeAsync(e, cancellationToken))?.Start, participation));
        }

        return new RepresentationReport(rows, time.GetUtcNow());
    }

    /// <summary>
    /// For a thematic consultation without a date in the catalogue: the first consultation scheduled on its theme (the
    /// organisers schedule the meeting with `schedule`, and may never edit the catalogue event).
    /// </summary>
    private async Task<ScheduledTime?> ScheduledTimeAsync(CatalogueEvent e, CancellationToken cancellationToken)
    {
        if (e.StartsAt is not null || e.Kind != EventKind.ThematicConsultation)
        {
            return null;
        }

        var themes = e.Themes.Select(c => c.ToString()).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scheduled = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Scheduled && themes.Contains(c.ThemeCode))
            .Select(c => new { c.Start, c.End })
            .ToListAsync(cancellationToken);
        // Ordered in memory: SQLite cannot order by DateTimeOffset.
        return scheduled.OrderBy(c => c.Start).Select(c => new ScheduledTime(c.Start, c.End)).FirstOrDefault();
    }

    /// <summary>The meeting chats that stand for the event.</summary>
    private async Task<IReadOnlyList<string>> ChatsOfAsync(CatalogueEvent e, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var themes = e.Kind == EventKind.ThematicConsultation ? e.Themes.Select(c => c.ToString()).ToList() : [];
        var scheduled = themes.Count == 0
            ? []
            : await db.Set<Consultation>().AsNoTracking()
                .Where(c => c.Status == ConsultationStatus.Scheduled && c.ChatThreadId != null && themes.Contains(c.ThemeCode))
                .Select(c => c.ChatThreadId!)
                .ToListAsync(cancellationToken);
        var qna = await db.Set<QnaSession>().AsNoTracking().Where(s => s.EventId == e.Id).Select(s => s.ConversationId).ToListAsync(cancellationToken);
        return scheduled.Concat(qna).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The questions of the event's Q&amp;A sessions, and who was active: asked or voted there, or asked for the floor in
    /// its chats. Recorded is false when the event has neither a Q&amp;A nor a speakers' list (attendance unknown).
    /// </summary>
    private async Task<(IReadOnlyList<QuestionFact> Questions, IReadOnlyCollection<string> Attendees, bool Recorded)> ActivityAsync(
        CatalogueEvent e, IReadOnlyList<string> chats, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sessionIds = await db.Set<QnaSession>().AsNoTracking()
            .Where(s => s.EventId == e.Id || chats.Contains(s.ConversationId))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var questions = await db.Set<Question>().AsNoTracking()
            .Where(q => sessionIds.Contains(q.SessionId))
            .Select(q => new { q.Number, q.Text, q.VoteCount, q.Status, q.AuthorId })
            .ToListAsync(cancellationToken);
        var questionIds = db.Set<Question>().Where(q => sessionIds.Contains(q.SessionId)).Select(q => q.Id);
        var voters = await db.Set<QuestionVote>().AsNoTracking()
            .Where(v => questionIds.Contains(v.QuestionId) && v.VoterId != null)
            .Select(v => v.VoterId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var queueIds = await db.Set<SpeakerQueueRecord>().AsNoTracking().Where(q => chats.Contains(q.ConversationId)).Select(q => q.Id).ToListAsync(cancellationToken);
        var requesters = await db.Set<SpeakerRequest>().AsNoTracking()
            .Where(r => queueIds.Contains(r.QueueId) && r.UserStableId != null)
            .Select(r => r.UserStableId!)
            .Distinct()
            .ToListAsync(cancellationToken);

        var attendees = questions.Where(q => q.AuthorId is not null).Select(q => q.AuthorId!)
            .Concat(voters)
            .Concat(requesters)
            .ToHashSet(StringComparer.Ordinal);
        var facts = questions.Select(q => new QuestionFact(q.Number, q.Text, q.VoteCount, q.Status)).ToList();
        return (facts, attendees, sessionIds.Count > 0 || queueIds.Count > 0);
    }

    /// <summary>
    /// Who attended the event: from the Teams attendance reports read for its scheduled consultations (registrants
    /// matched, everyone else counted by how they joined), else from the people active in its chats (registered ones
    /// by their registration; the others as anonymous, signed in or in the room), else null (not recorded).
    /// </summary>
    private async Task<AttendanceFacts?> AttendanceAsync(
        CatalogueEvent e, IReadOnlyCollection<string> activeIds, bool activityRecorded, CancellationToken cancellationToken)
    {
        var read = (await attendance.FiguresAsync(await ConsultationIdsOfAsync(e, cancellationToken), cancellationToken)).Values
            .Where(f => f.Attendance.RecordedAt is not null)
            .ToList();
        if (read.Count > 0)
        {
            var registrants = read.SelectMany(f => f.Attended).Distinct(StringComparer.Ordinal).ToList();
            var profiles = await ProfilesAsync(registrants, cancellationToken);
            var others = new Dictionary<UnregisteredKind, int>
            {
                [UnregisteredKind.TenantMember] = read.Sum(f => f.Attendance.MembersNotRegistered),
                [UnregisteredKind.Guest] = read.Sum(f => f.Attendance.Guests),
                [UnregisteredKind.Anonymous] = read.Sum(f => f.Attendance.Anonymous),
                [UnregisteredKind.Phone] = read.Sum(f => f.Attendance.ByPhone),
            };
            return new AttendanceFacts(
                AttendanceSource.TeamsMeeting,
                registrants.Select(id => SpeakerCategories.From(profiles.GetValueOrDefault(id))).ToList(),
                others);
        }

        if (!activityRecorded)
        {
            return null;
        }

        var known = await ProfilesAsync(activeIds, cancellationToken);
        var unregistered = new Dictionary<UnregisteredKind, int>();
        foreach (var id in activeIds.Where(id => !known.ContainsKey(id)))
        {
            // Stable ids say how a person took part: an Entra object id (signed in, member or guest), the chair's
            // "room:" id for a person in the room, else the Teams id of an anonymous participant (no Entra id).
            var kind = id.StartsWith(SpeakerQueueService.InRoomPrefix, StringComparison.Ordinal) ? UnregisteredKind.InRoom
                : Guid.TryParse(id, out _) ? UnregisteredKind.SignedIn
                : UnregisteredKind.Anonymous;
            unregistered[kind] = unregistered.GetValueOrDefault(kind) + 1;
        }

        return new AttendanceFacts(
            AttendanceSource.MeetingChat,
            activeIds.Where(known.ContainsKey).Select(id => SpeakerCategories.From(known[id])).ToList(),
            unregistered);
    }

    /// <summary>The scheduled consultations that stand for the event (those on its theme, for a thematic consultation).</summary>
    private async Task<IReadOnlyList<int>> ConsultationIdsOfAsync(CatalogueEvent e, CancellationToken cancellationToken)
    {
        if (e.Kind != EventKind.ThematicConsultation)
        {
            return [];
        }

        var themes = e.Themes.Select(c => c.ToString()).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Scheduled && themes.Contains(c.ThemeCode))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, ParticipantProfile>> ProfilesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? new Dictionary<string, ParticipantProfile>() : await directory.FindManyAsync(ids, cancellationToken);
}
