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

    /// <summary>
    /// Applies migrations. On SQLite it also switches the file to write-ahead logging (a setting the file keeps),
    /// so answering a message reads while a check-in or a delivery writes instead of waiting for it.
    /// </summary>
    public static async Task MigrateAsync(KpiBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is SqliteKpiBotDbContext && !IsInMemory(db))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private static bool IsInMemory(KpiBotDbContext db)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the database answers; for health checks. Never throws for an unreachable server.</summary>
    public static async Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KpiBotDbContext>().Database.CanConnectAsync(cancellationToken);
    }
}
