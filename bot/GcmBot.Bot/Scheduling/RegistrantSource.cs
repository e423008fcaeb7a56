using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Scheduling;

/// <summary>
/// The registrants a consultation invites, from <see cref="IRegistrantDirectory"/> (implemented by Registration). Where
/// no directory is registered, nobody can be invited, and the organisers are told so.
/// </summary>
public sealed class RegistrantSource(IServiceScopeFactory scopes)
{
    public bool IsAvailable
    {
        get
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetService<IRegistrantDirectory>() is not null;
        }
    }

    /// <summary>The registrants a consultation invites now, once each (a cancelled one invites nobody).</summary>
    public async Task<IReadOnlyList<Registrant>> InvitedToAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        if (consultation.Invite == InviteScope.None || consultation.Status == ConsultationStatus.Cancelled)
        {
            return [];
        }

        using var scope = scopes.CreateScope();
        var directory = scope.ServiceProvider.GetService<IRegistrantDirectory>();
        if (directory is null)
        {
            return [];
        }

        var registrants = consultation.Invite == InviteScope.All
            ? await directory.AllAsync(cancellationToken)
            : await directory.ForThemeAsync(consultation.ThemeCode[0], cancellationToken);
        return registrants
            .Where(r => !string.IsNullOrWhiteSpace(r.UserStableId))
            .DistinctBy(r => r.UserStableId)
            .ToList();
    }
}
