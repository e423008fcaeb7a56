namespace GcmBot.Bot.Teams.Organisers;

/// <summary>The Regional Network secretariat: people allowed to run organiser commands, by Entra object id.</summary>
public sealed class OrganiserOptions
{
    public const string SectionName = "Organisers";

    public string[] ObjectIds { get; set; } = [];
}

/// <summary>Decides whether the person acting may use organiser commands.</summary>
public interface IOrganiserPolicy
{
    Task<bool> IsOrganiserAsync(BotTurn turn, CancellationToken cancellationToken);
}

/// <summary>Organisers are the configured Entra object ids; nobody else, whatever their client claims.</summary>
public sealed class ConfiguredOrganiserPolicy(Microsoft.Extensions.Options.IOptionsMonitor<OrganiserOptions> options) : IOrganiserPolicy
{
    public Task<bool> IsOrganiserAsync(BotTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(IsConfiguredOrganiser(turn.User));

    public bool IsConfiguredOrganiser(TurnUser user) =>
        user.AadObjectId is { } id && options.CurrentValue.ObjectIds.Contains(id, StringComparer.OrdinalIgnoreCase);
}
