using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>The SQLite flavour of <see cref="KpiBotDbContext"/>; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteKpiBotDbContext : KpiBotDbContext
{
    public SqliteKpiBotDbContext(DbContextOptions<SqliteKpiBotDbContext> options)
        : base(options)
    {
    }

    /// <summary>A context of its own (not from the host's pool), configured as the host's are: for tests and dotnet-ef.</summary>
    public static SqliteKpiBotDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SqliteKpiBotDbContext>();
        StorageServiceCollectionExtensions.ConfigureSqlite(builder, connectionString);
        return new SqliteKpiBotDbContext(builder.Options);
    }
}
