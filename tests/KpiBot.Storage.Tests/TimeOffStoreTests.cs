using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

public abstract class TimeOffStoreTests : StorageTestBase
{
    [Fact]
    public async Task Get_ReturnsTheDaysOffInsideTheWindowPerPerson()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new TimeOffStore(db);
        Assert.Equal(TimeOffResult.Added, await store.AddAsync(SampleGoals.Alice, new(2026, 3, 30), new(2026, 4, 2), "holiday", April1, Ct));
        Assert.Equal(TimeOffResult.Added, await store.AddAsync(SampleGoals.Alice, new(2026, 4, 20), new(2026, 4, 20), null, April1, Ct));
        Assert.Equal(TimeOffResult.Added, await store.AddAsync(SampleGoals.Bob, new(2026, 5, 1), new(2026, 5, 3), null, April1, Ct));
        Assert.Equal(TimeOffResult.Added, await store.AddAsync(SampleGoals.Carol, new(2026, 4, 29), new(2026, 5, 2), null, April1, Ct));

        var days = await store.GetAsync([SampleGoals.Alice, SampleGoals.Bob], new(2026, 4, 1), new(2026, 4, 30), Ct);

        Assert.Equal([SampleGoals.Alice], days.Keys);
        Assert.Equal(
            [new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 20)],
            days[SampleGoals.Alice].Order());
    }

    [Fact]
    public async Task Add_WithLastDayBeforeFirstOrUnknownPerson_IsRefused()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new TimeOffStore(db);

        Assert.Equal(TimeOffResult.LastDayBeforeFirst, await store.AddAsync(SampleGoals.Alice, new(2026, 4, 2), new(2026, 4, 1), null, April1, Ct));
        Assert.Equal(TimeOffResult.UnknownPerson, await store.AddAsync("nobody", new(2026, 4, 1), new(2026, 4, 1), null, April1, Ct));
        Assert.Empty(await store.GetAsync([SampleGoals.Alice, "nobody"], new(2026, 1, 1), new(2026, 12, 31), Ct));
    }
}

public sealed class SqliteTimeOffStoreTests : TimeOffStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresTimeOffStoreTests : TimeOffStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
