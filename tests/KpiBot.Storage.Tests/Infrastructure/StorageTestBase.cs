using KpiBot.Testing;
using KpiBot.Storage;

namespace KpiBot.Storage.Tests.Infrastructure;

/// <summary>
/// Base of every storage suite: each test gets its own migrated database of <see cref="Provider"/>.
/// Each suite is written once as an abstract class and run by a SQLite and a PostgreSQL subclass.
/// </summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset April1 = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    protected abstract StorageProvider Provider { get; }

    protected TestDatabase Database { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        Database = TestDatabase.For(Provider);
        await Database.CreateAsync();
        await using var db = Database.NewContext();
        await KpiBotDatabase.MigrateAsync(db, Ct);
    }

    public async Task DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Imports <paramref name="model"/> (default: the sample) through a fresh context.</summary>
    protected async Task<GoalsImportSummary> ImportAsync(Core.Goals.GoalsModel? model = null, DateTimeOffset? at = null)
    {
        await using var db = Database.NewContext();
        var result = await new GoalsStore(db).ImportAsync(model ?? SampleGoals.Build(), "goals.yaml", new string('a', 64), "admin", at ?? April1, Ct);
        Assert.True(result.Succeeded, $"import rejected: {result.RejectedNodeId} {result.Rejection}");
        return result.Summary!;
    }
}
