using KpiBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpiBot.Testing;

/// <summary>
/// A throwaway database for one test: a temp SQLite file, or a randomly named PostgreSQL database on the
/// server that ./test.sh started (named by KPIBOT_TEST_POSTGRES). Dropped or deleted on dispose.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageOptions Options { get; }

    /// <summary>Configuration that points the host at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Options.Provider.ToString(),
        ["ConnectionStrings:KpiBot"] = Options.ConnectionString,
    };

    /// <summary>A created, empty database of <paramref name="provider"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        var database = For(provider);
        await database.CreateAsync();
        return database;
    }

    public abstract KpiBotDbContext NewContext();

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();

    public static TestDatabase For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => new SqliteTestDatabase(),
        StorageProvider.Postgres => new PostgresTestDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kpibot-storage-" + Guid.NewGuid().ToString("N"));

    // A folder that does not exist yet: registration must create it.
    public override StorageOptions Options => new()
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "sub", "kpibot.db")}",
    };

    public override KpiBotDbContext NewContext() =>
        SqliteKpiBotDbContext.Create(Options.ConnectionString);

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name = "kpibot_test_" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable("KPIBOT_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "KPIBOT_TEST_POSTGRES is not set, so the PostgreSQL tests cannot run. Run the tests with ./test.sh " +
                "from the repository root: it starts a throwaway PostgreSQL and sets the variable.");
    }

    public override StorageOptions Options => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString,
    };

    public override KpiBotDbContext NewContext() =>
        PostgresKpiBotDbContext.Create(Options.ConnectionString);

    public override async Task CreateAsync()
    {
        await using var connection = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// As a database that went away: refuses every new connection and ends those open (false), or lets them in
    /// again (true). The server itself keeps running for the other tests.
    /// </summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await using var connection = await OpenServerAsync();
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE \"{_name}\" WITH ALLOW_CONNECTIONS {(reachable ? "true" : "false")}", connection))
        {
            await allow.ExecuteNonQueryAsync();
        }

        if (!reachable)
        {
            await using var end = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
            end.Parameters.AddWithValue("name", _name);
            await end.ExecuteScalarAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
