using GcmBot.Bot.Teams.Routing;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace GcmBot.Bot.Teams.Organisers;

/// <summary>Who may moderate a live session (Q&A, speaker queue) in a conversation.</summary>
public interface IModeratorPolicy
{
    /// <summary>
    /// True for the configured organisers anywhere, and in a meeting chat for the meeting's organiser and presenters.
    /// The meeting role is asked of Teams on every call: roles change during a meeting, so they are never cached.
    /// </summary>
    Task<bool> IsModeratorAsync(BotTurn turn, CancellationToken cancellationToken);
}

public sealed partial class ModeratorPolicy(ConfiguredOrganiserPolicy organisers, ILogger<ModeratorPolicy> logger) : IModeratorPolicy
{
    private static readonly string[] ModeratingRoles = ["Organizer", "Presenter"];

    public async Task<bool> IsModeratorAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (organisers.IsConfiguredOrganiser(turn.User))
        {
            return true;
        }

        if (turn.Scope != ConversationScopes.Meeting || turn.MeetingId is null || turn.User.AadObjectId is null)
        {
            return false;
        }

        try
        {
            var participant = await TeamsInfo.GetMeetingParticipantAsync(
                turn.Context, turn.MeetingId, turn.User.AadObjectId, turn.TenantId, cancellationToken);
            return participant?.Meeting?.Role is { } role && ModeratingRoles.Contains(role, StringComparer.OrdinalIgnoreCase);
        }
        catch (ErrorResponseException ex)
        {
            // Teams could not tell (e.g. the RSC permission is missing): refuse rather than guess.
            LogRoleLookupFailed(logger, ex, (int?)ex.Response?.StatusCode);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the meeting role from Teams (HTTP {StatusCode}); treating the person as an attendee")]
    private static partial void LogRoleLookupFailed(ILogger logger, Exception exception, int? statusCode);
}
