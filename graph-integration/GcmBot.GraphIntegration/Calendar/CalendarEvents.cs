using System.Globalization;
using GcmBot.GraphIntegration.Meetings;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace GcmBot.GraphIntegration.Calendar;

/// <summary>
/// Calendar events with Teams meetings in one mailbox: <c>POST/PATCH /users/{id}/events</c> and
/// <c>POST /users/{id}/events/{id}/cancel</c>. Graph types stay in here.
/// </summary>
internal sealed class CalendarEvents(GraphServiceClient graph, string mailbox)
{
    public async Task<ScheduledMeeting> CreateAsync(MeetingDetails details, CancellationToken cancellationToken)
    {
        var zone = GraphTimeZone.For(details.TimeZoneId);
        var body = ToEvent(details, zone);
        body.IsOnlineMeeting = true;
        body.OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness;
        // Graph returns the event already created with this id instead of creating a second one.
        body.TransactionId = details.TransactionId;
        var created = await graph.Users[mailbox].Events.PostAsync(body, request => PreferZone(request.Headers, zone), cancellationToken)
            ?? throw new MeetingSchedulingException(MeetingFailure.Unavailable, "Microsoft Graph answered without the new event.");
        return ToMeeting(created);
    }

    public async Task<ScheduledMeeting> UpdateAsync(string eventId, MeetingDetails details, CancellationToken cancellationToken)
    {
        var zone = GraphTimeZone.For(details.TimeZoneId);
        var updated = await graph.Users[mailbox].Events[eventId].PatchAsync(ToEvent(details, zone), request => PreferZone(request.Headers, zone), cancellationToken)
            ?? throw new MeetingSchedulingException(MeetingFailure.Unavailable, "Microsoft Graph answered without the updated event.");
        return ToMeeting(updated);
    }

    public Task CancelAsync(string eventId, string comment, CancellationToken cancellationToken) =>
        graph.Users[mailbox].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);

    private static Event ToEvent(MeetingDetails details, GraphTimeZone zone) => new()
    {
        Subject = details.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = details.BodyHtml },
        Start = zone.ToGraph(details.Start),
        End = zone.ToGraph(details.End),
        // The whole list each time: Graph replaces the attendees of an event with what a PATCH sends.
        Attendees = details.Attendees.Select(a => new Attendee
        {
            EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name },
            Type = AttendeeType.Required,
        }).ToList(),
        AllowNewTimeProposals = false,
        ResponseRequested = true,
    };

    private static void PreferZone(Microsoft.Kiota.Abstractions.RequestHeaders headers, GraphTimeZone zone) =>
        headers.Add("Prefer", $"outlook.timezone=\"{zone.Name}\"");

    private static ScheduledMeeting ToMeeting(Event graphEvent) =>
        new(graphEvent.Id ?? throw new MeetingSchedulingException(MeetingFailure.Unavailable, "Microsoft Graph answered with an event without an id."),
            graphEvent.OnlineMeeting?.JoinUrl);
}

/// <summary>
/// A time zone as Graph's dateTimeTimeZone wants it: a Windows zone name ("SE Asia Standard Time") and the wall-clock
/// time there. Zones without a Windows name fall back to UTC, which Graph always understands.
/// </summary>
internal sealed record GraphTimeZone(string Name, TimeZoneInfo Zone)
{
    public static GraphTimeZone For(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) && TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaId, out var windows)
            ? new GraphTimeZone(windows, zone)
            : new GraphTimeZone("UTC", TimeZoneInfo.Utc);

    public DateTimeTimeZone ToGraph(DateTimeOffset instant) => new()
    {
        DateTime = TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = Name,
    };
}
