using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Registration;

/// <summary>The participant ports, answered from registrations (other capabilities only read through them).</summary>
public sealed class RegistrationDirectory(RegistrationStore store) : IParticipantDirectory, IRegistrantDirectory, IRegisteredStakeholders
{
    public async Task<ParticipantProfile?> FindAsync(string userStableId, CancellationToken cancellationToken) =>
        await store.ProfileAsync(userStableId, cancellationToken) is { } profile ? ToParticipant(profile) : null;

    public async Task<IReadOnlyDictionary<string, ParticipantProfile>> FindManyAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken)
    {
        if (userStableIds.Count == 0)
        {
            return new Dictionary<string, ParticipantProfile>();
        }

        var profiles = await store.ProfilesAsync(userStableIds.Distinct().ToList(), cancellationToken);
        return profiles.ToDictionary(p => p.UserStableId, ToParticipant);
    }

    /// <summary>
    /// Confirmed registrants for whom the theme matters: confirmed for an event covering it, or confirmed for any event
    /// and interested in it. Once each; the registration for an event covering the theme is preferred.
    /// </summary>
    public async Task<IReadOnlyList<Registrant>> ForThemeAsync(char theme, CancellationToken cancellationToken)
    {
        var code = char.ToLowerInvariant(theme);
        var confirmed = await store.ConfirmedAsync(cancellationToken);
        return confirmed
            .Where(x => x.Event.Themes.Contains(code) || x.Profile.Themes.Contains(code))
            .OrderByDescending(x => x.Event.Themes.Contains(code))
            .ThenBy(x => x.Registration.Id)
            .DistinctBy(x => x.Registration.UserStableId)
            .Select(ToRegistrant)
            .ToList();
    }

    public async Task<IReadOnlyList<Registrant>> AllAsync(CancellationToken cancellationToken)
    {
        var confirmed = await store.ConfirmedAsync(cancellationToken);
        return confirmed.OrderBy(x => x.Registration.Id).DistinctBy(x => x.Registration.UserStableId).Select(ToRegistrant).ToList();
    }

    public async Task<IReadOnlyList<RegisteredStakeholder>> AllStakeholdersAsync(CancellationToken cancellationToken)
    {
        var profiles = await store.AllProfilesAsync(cancellationToken);
        return profiles.Select(ToStakeholder).ToList();
    }

    public async Task<RegisteredStakeholder?> FindStakeholderAsync(string userStableId, CancellationToken cancellationToken) =>
        await store.ProfileAsync(userStableId, cancellationToken) is { } profile ? ToStakeholder(profile) : null;

    private static RegisteredStakeholder ToStakeholder(StakeholderProfile p) =>
        new(p.UserStableId, p.Name, p.Email, p.Organisation, p.StakeholderGroup, p.CountryCode, p.Themes);

    private static Registrant ToRegistrant((EventRegistration Registration, StakeholderProfile Profile, CatalogueEvent Event) x) =>
        new(x.Registration.UserStableId, x.Profile.Name, x.Profile.Email, x.Event.Id, x.Registration.Status.ToString());

    private static ParticipantProfile ToParticipant(StakeholderProfile p) => new(
        p.UserStableId,
        p.Name,
        p.Organisation,
        p.StakeholderGroup,
        p.CountryCode,
        StakeholderReference.Country(p.CountryCode)?.SubregionCode,
        p.Gender);
}
