using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>The PostgreSQL flavour of <see cref="KpiBotDbContext"/>; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresKpiBotDbContext : KpiBotDbContext
{
    public PostgresKpiBotDbContext(DbContextOptions<PostgresKpiBotDbContext> options)
        : base(options)
    {
    }

    /// <summary>A context of its own (not from the host's pool), configured as the host's are: for tests and dotnet-ef.</summary>
    public static PostgresKpiBotDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PostgresKpiBotDbContext>();
        StorageServiceCollectionExtensions.ConfigurePostgres(builder, connectionString);
        return new PostgresKpiBotDbContext(builder.Options);
    }
}
