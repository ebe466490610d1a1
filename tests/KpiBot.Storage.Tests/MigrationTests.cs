using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Storage.Tests.Infrastructure;
using KpiBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Storage.Tests;

/// <summary>Migrations on a database of their own (the base class's is already fully migrated).</summary>
public abstract class MigrationTests : StorageTestBase
{
    [Fact]
    public async Task Migrate_FromThePreviousMigration_KeepsTheDataAndAddsTheNewTables()
    {
        await using var old = await TestDatabase.CreateAsync(Provider);
        var day = new DateOnly(2026, 4, 6);
        await using (var db = old.NewContext())
        {
            var all = db.Database.GetMigrations().ToList();
            Assert.True(all.Count >= 2);
            await db.GetService<IMigrator>().MigrateAsync(all[^2], Ct);
            Assert.Equal(all[^1], Assert.Single(await db.Database.GetPendingMigrationsAsync(Ct)));
            Assert.True((await new GoalsStore(db).ImportAsync(SampleGoals.Build(), "goals.yaml", "abc", "admin", April1, Ct)).Succeeded);
            Assert.True((await new CheckInStore(db).RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, day, 12m), "alice", April1, Ct)).Stored);
        }

        await using (var db = old.NewContext())
        {
            await KpiBotDatabase.MigrateAsync(db, Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }

        await using var check = old.NewContext();
        Assert.Equal(12m, (await new CheckInStore(check).GetAsync(SampleGoals.Alice, SampleGoals.Calls, day, Ct))!.Value);
        var states = await new DayStore(check, new TimeOffStore(check)).StatesAsync([SampleGoals.Alice], day, Ct);
        Assert.Equal(DayState.Answered, states[SampleGoals.Alice]);
        Assert.True(await new BlockerStore(check).RaiseAsync(SampleGoals.Alice, day, null, April1, Ct));
        Assert.Single(await new DeliveryStore(check).ClaimAsync([new Core.Scheduling.Occurrence(Core.Scheduling.OccurrenceKind.Digest, "tokyo", day, April1)], April1, Ct));
    }

    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigrationAndMatchesTheModel()
    {
        await using var db = Database.NewContext();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.Deliveries.CountAsync(Ct));
        Assert.Equal(0, await db.DaySkips.CountAsync(Ct));
        Assert.Equal(0, await db.Blockers.CountAsync(Ct));
        Assert.Equal(0, await db.ChannelLinks.CountAsync(Ct));
    }

    [Fact]
    public async Task AddKpiBotStorage_ServesEveryEnginePort()
    {
        await using var provider = new ServiceCollection().AddKpiBotStorage(Database.Options).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;

        Assert.IsType<CheckInStore>(services.GetRequiredService<ICheckInRepository>());
        Assert.IsType<DayStore>(services.GetRequiredService<IDayStore>());
        Assert.IsType<BlockerStore>(services.GetRequiredService<IBlockerStore>());
        Assert.IsType<CachedIdentityStore>(services.GetRequiredService<IIdentityStore>());
        Assert.IsType<ChatUserStore>(services.GetRequiredService<IChatUserStore>());
        Assert.IsType<InboundDedupe>(services.GetRequiredService<IInboundDedupe>());
        Assert.IsType<ChatInstallationStore>(services.GetRequiredService<IChatInstallationStore>());
        Assert.IsType<ChannelLinkStore>(services.GetRequiredService<IChannelLinkStore>());
        Assert.IsType<DeliveryStore>(services.GetRequiredService<IDeliveryStore>());
        Assert.Same(provider.GetRequiredService<CachedGoalsProvider>(), services.GetRequiredService<IGoalsProvider>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
