namespace GcmBot.Bot.Coordination;

public static class CoordinationExtensions
{
    /// <summary>Leases for background work shared by several instances on one database.</summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<LeaseStore>();
        return services;
    }
}
