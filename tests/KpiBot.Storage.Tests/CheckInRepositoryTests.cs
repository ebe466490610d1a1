using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

public abstract class CheckInRepositoryTests : StorageTestBase
{
    private static readonly DateOnly Monday = new(2026, 4, 6);

    [Fact]
    public async Task GetDay_ReturnsEveryNodeOfThatPersonAndDayOnly()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday, 42m, "good day"), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Monday, 1_250_000.5m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday.AddDays(1), 7m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Carol, SampleGoals.Calls, Monday, 9m), "carol", April1, Ct);

        var day = await store.GetDayAsync(SampleGoals.Alice, Monday, Ct);

        Assert.Equal(
            [
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday, 42m, "good day"),
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Monday, 1_250_000.5m),
            ],
            day);
        Assert.Empty(await store.GetDayAsync(SampleGoals.Bob, Monday, Ct));
    }

    [Fact]
    public async Task GetDays_ReturnsWhatThesePeopleRecordedOnTheseDays_InOneRead()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday, 42m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday.AddDays(1), 7m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday.AddDays(2), 8m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Carol, SampleGoals.Calls, Monday, 9m), "carol", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Bob, SampleGoals.Calls, Monday, 3m), "bob", April1, Ct);

        var days = await store.GetDaysAsync([SampleGoals.Alice, SampleGoals.Carol], [Monday, Monday.AddDays(1)], Ct);

        Assert.Equal(
            [(SampleGoals.Alice, Monday, 42m), (SampleGoals.Alice, Monday.AddDays(1), 7m), (SampleGoals.Carol, Monday, 9m)],
            days.Select(e => (e.PersonId, e.Day, e.Value)).Order().ToList());
        Assert.Empty(await store.GetDaysAsync([], [Monday], Ct));
    }

    [Fact]
    public async Task LastAnsweredDayBefore_IsTheLatestEarlierDayWithAnyValue()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday, 1m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Monday.AddDays(2), 1m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Monday.AddDays(4), 1m), "alice", April1, Ct);

        Assert.Equal(Monday.AddDays(2), await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Monday.AddDays(4), Ct));
        Assert.Equal(Monday.AddDays(4), await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Monday.AddDays(30), Ct));
        Assert.Null(await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Monday, Ct));
        Assert.Null(await store.LastAnsweredDayBeforeAsync(SampleGoals.Bob, Monday.AddDays(30), Ct));
    }
}

public sealed class SqliteCheckInRepositoryTests : CheckInRepositoryTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresCheckInRepositoryTests : CheckInRepositoryTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
