using GcmBot.Bot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GcmBot.Bot.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddGcmHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// GET /alive (liveness): 200 "Healthy" while the process serves requests, whatever the database does, so that a
    /// platform restarts the instance only when it hangs. GET /healthz (readiness): 200 when the database answers and
    /// every migration this build knows is applied, 503 otherwise, so that a load balancer sends turns only to
    /// instances that can serve them.
    /// </summary>
    public static IEndpointRouteBuilder MapGcmHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}

/// <summary>The database is reachable and its schema is this build's (no migration pending).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<GcmDbContext> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending} database migration(s) not applied yet.");
            }

            await db.Set<Teams.Conversations.ConversationRecord>().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
