namespace GcmBot.Bot.Participants;

/// <summary>
/// What other capabilities may know of a registered stakeholder: enough to balance speakers and report
/// representation. Codes are those of <see cref="Engagement.StakeholderReference"/>; null where the person did not say.
/// </summary>
public sealed record ParticipantProfile(
    string UserStableId,
    string DisplayName,
    string? Organisation,
    string? StakeholderGroup,
    string? CountryCode,
    string? SubregionCode,
    string? Gender);

/// <summary>A person registered for an event, as scheduling needs them to invite.</summary>
public sealed record Registrant(string UserStableId, string Name, string Email, string EventId, string Status);

/// <summary>Looks up registered stakeholders' profiles (implemented by Registration; others only read).</summary>
public interface IParticipantDirectory
{
    Task<ParticipantProfile?> FindAsync(string userStableId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, ParticipantProfile>> FindManyAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken);
}

/// <summary>Registrants to invite to a consultation (implemented by Registration).</summary>
public interface IRegistrantDirectory
{
    /// <summary>Confirmed registrants interested in a roundtable theme (a–d).</summary>
    Task<IReadOnlyList<Registrant>> ForThemeAsync(char theme, CancellationToken cancellationToken);

    /// <summary>Every confirmed registrant, once each.</summary>
    Task<IReadOnlyList<Registrant>> AllAsync(CancellationToken cancellationToken);
}

/// <summary>A registered stakeholder as the stakeholder directory lists them. Codes as in <see cref="ParticipantProfile"/>.</summary>
/// <param name="Themes">Roundtable themes of interest as codes in order, e.g. "ac".</param>
public sealed record RegisteredStakeholder(
    string UserStableId,
    string Name,
    string Email,
    string? Organisation,
    string StakeholderGroup,
    string CountryCode,
    string Themes);

/// <summary>Everyone who filled in the registration form, whatever their registrations' status (implemented by Registration).</summary>
public interface IRegisteredStakeholders
{
    Task<IReadOnlyList<RegisteredStakeholder>> AllStakeholdersAsync(CancellationToken cancellationToken);

    Task<RegisteredStakeholder?> FindStakeholderAsync(string userStableId, CancellationToken cancellationToken);
}
