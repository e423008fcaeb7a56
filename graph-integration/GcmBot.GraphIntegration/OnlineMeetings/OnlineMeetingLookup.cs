using GcmBot.GraphIntegration.Meetings;
using Microsoft.Graph;

namespace GcmBot.GraphIntegration.OnlineMeetings;

/// <summary>
/// The online meeting behind a calendar event, found by its join link:
/// <c>GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'</c>. It gives the meeting chat's thread id.
/// </summary>
internal sealed class OnlineMeetingLookup(GraphServiceClient graph, string mailbox)
{
    public async Task<MeetingChat?> FindAsync(string joinUrl, CancellationToken cancellationToken)
    {
        var found = await graph.Users[mailbox].OnlineMeetings.GetAsync(
            request => request.QueryParameters.Filter = $"JoinWebUrl eq {ODataString(joinUrl)}",
            cancellationToken);
        var meeting = found?.Value?.FirstOrDefault(m => !string.IsNullOrEmpty(m.Id));
        return meeting is null ? null : new MeetingChat(meeting.Id!, meeting.ChatInfo?.ThreadId);
    }

    /// <summary>An OData string literal: quotes around, a quote inside doubled. (The SDK then URL-encodes the query.)</summary>
    public static string ODataString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
