using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Storage.Tests;

public abstract class RegistrationTests : StorageTestBase
{
    [Fact]
    public async Task AddKpiBotStorage_ThenMigrate_ServesTheStoresAndAnswersTheHealthCheck()
    {
        await using var provider = new ServiceCollection().AddKpiBotStorage(Database.Options).BuildServiceProvider();

        await KpiBotDatabase.MigrateAsync(provider, Ct); // a second time: nothing pending, no error

        Assert.True(await KpiBotDatabase.CanConnectAsync(provider, Ct));
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType<CheckInTotals>(scope.ServiceProvider.GetRequiredService<ICheckInTotals>());
        var goals = scope.ServiceProvider.GetRequiredService<GoalsStore>();
        var imported = await goals.ImportAsync(SampleGoals.Build(), "goals.yaml", "abc", "admin", April1, Ct);
        Assert.True(imported.Succeeded);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PersonDirectory>());
    }
}

public sealed class SqliteRegistrationTests : RegistrationTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    [Fact]
    public async Task AddKpiBotStorage_WithAMissingFolder_CreatesItOnMigrate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kpibot-reg-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(folder, "data", "kpibot.db")}" };
            await using var provider = new ServiceCollection().AddKpiBotStorage(options).BuildServiceProvider();

            await KpiBotDatabase.MigrateAsync(provider, Ct);

            Assert.True(File.Exists(Path.Combine(folder, "data", "kpibot.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void StorageOptions_ByDefault_IsSqliteInTheDataFolder()
    {
        var options = new StorageOptions();

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=data/kpibot.db", options.ConnectionString);
    }
}

public sealed class PostgresRegistrationTests : RegistrationTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    [Fact]
    public async Task CanConnect_WhenTheServerIsNotThere_IsFalse()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2",
        };
        await using var provider = new ServiceCollection().AddKpiBotStorage(options).BuildServiceProvider();

        Assert.False(await KpiBotDatabase.CanConnectAsync(provider, Ct));
    }
}
