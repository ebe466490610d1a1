using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Storage;

/// <summary>Start-up helpers: apply migrations, and a health check.</summary>
public static class KpiBotDatabase
{
    /// <summary>Applies the provider's pending migrations; safe to call on every start.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<KpiBotDbContext>(), cancellationToken);
    }

    public static Task MigrateAsync(KpiBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>True when the database answers; for health checks. Never throws for an unreachable server.</summary>
    public static async Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KpiBotDbContext>().Database.CanConnectAsync(cancellationToken);
    }
}
