using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>The SQLite flavour of <see cref="KpiBotDbContext"/>; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteKpiBotDbContext : KpiBotDbContext
{
    public SqliteKpiBotDbContext(DbContextOptions<SqliteKpiBotDbContext> options)
        : base(options)
    {
    }
}
