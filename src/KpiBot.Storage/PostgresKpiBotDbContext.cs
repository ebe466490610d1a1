using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>The PostgreSQL flavour of <see cref="KpiBotDbContext"/>; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresKpiBotDbContext : KpiBotDbContext
{
    public PostgresKpiBotDbContext(DbContextOptions<PostgresKpiBotDbContext> options)
        : base(options)
    {
    }
}
