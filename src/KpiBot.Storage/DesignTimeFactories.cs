using Microsoft.EntityFrameworkCore.Design;

namespace KpiBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteKpiBotDbContext</c> build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKpiBotDbContext>
{
    public SqliteKpiBotDbContext CreateDbContext(string[] args) =>
        SqliteKpiBotDbContext.Create("Data Source=design-time.db");
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresKpiBotDbContext</c> build the PostgreSQL model (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKpiBotDbContext>
{
    public PostgresKpiBotDbContext CreateDbContext(string[] args) =>
        PostgresKpiBotDbContext.Create("Host=localhost;Database=kpibot");
}
