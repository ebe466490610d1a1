using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class DayStoreTests : StorageTestBase
{
    private static readonly DateOnly Apr6 = new(2026, 4, 6);
    private static readonly DateOnly Apr7 = new(2026, 4, 7);

    [Fact]
    public async Task States_AnsweredBeatsSkippedBeatsOff_AndOthersAreNone()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Calls, Apr7);
        await days.SkipAsync(SampleGoals.Alice, Apr7, "sick", April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Alice, Apr6, Apr7, null, April1, Ct);
        await days.SkipAsync(SampleGoals.Bob, Apr7, "training", April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Bob, Apr7, Apr7, null, April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Carol, Apr6, new(2026, 4, 10), "trip", April1, Ct);
        await RecordAsync(db, SampleGoals.Carol, SampleGoals.Calls, Apr6); // another day: does not count

        var states = await days.StatesAsync([SampleGoals.Alice, SampleGoals.Bob, SampleGoals.Carol, "ghost"], Apr7, Ct);

        Assert.Equal(DayState.Answered, states[SampleGoals.Alice]);
        Assert.Equal(DayState.Skipped, states[SampleGoals.Bob]);
        Assert.Equal(DayState.Off, states[SampleGoals.Carol]);
        Assert.Equal(DayState.None, states["ghost"]);
        Assert.Equal(4, states.Count);
    }

    [Fact]
    public async Task History_GivesOneRowPerNonNoneDayInsideTheWindow()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Calls, Apr6);
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Revenue, Apr6); // a second node: still one day
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 8));
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 11)); // after the window
        await days.SkipAsync(SampleGoals.Alice, Apr7, "sick", April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Alice, Apr7, new(2026, 4, 9), null, April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Bob, new(2026, 4, 3), Apr6, null, April1, Ct);
        await days.SkipAsync(SampleGoals.Bob, new(2026, 4, 10), "offsite", April1, Ct);
        await days.SkipAsync(SampleGoals.Carol, Apr7, "not asked for", April1, Ct);

        var history = await days.HistoryAsync([SampleGoals.Alice, SampleGoals.Bob], Apr6, new(2026, 4, 10), Ct);

        Assert.Equal(
            [
                new PersonDay(SampleGoals.Alice, Apr6, DayState.Answered),
                new PersonDay(SampleGoals.Alice, Apr7, DayState.Skipped),
                new PersonDay(SampleGoals.Alice, new(2026, 4, 8), DayState.Answered),
                new PersonDay(SampleGoals.Alice, new(2026, 4, 9), DayState.Off),
                new PersonDay(SampleGoals.Bob, Apr6, DayState.Off),
                new PersonDay(SampleGoals.Bob, new(2026, 4, 10), DayState.Skipped),
            ],
            history);
    }

    [Fact]
    public async Task AWeeklyValue_KeptOnItsWeeksFirstDay_AnswersTheWeek_NotThatDay()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Emails, Apr6);   // weekly: kept on Monday, for the week
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Revenue, Apr6);  // a quarterly KPI: no day's answer either
        await RecordAsync(db, SampleGoals.Alice, SampleGoals.Calls, Apr7);    // daily: answers Tuesday

        var states = await days.StatesAsync([SampleGoals.Alice], Apr6, Ct);
        var history = await days.HistoryAsync([SampleGoals.Alice], Apr6, Apr7, Ct);

        Assert.Equal(DayState.None, states[SampleGoals.Alice]);
        Assert.Equal([new PersonDay(SampleGoals.Alice, Apr7, DayState.Answered)], history);
    }

    [Fact]
    public async Task AddTimeOff_MergesRangesThatOverlapOrTouch_AndKeepsOthersApart()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);
        await days.AddTimeOffAsync(SampleGoals.Alice, new(2026, 4, 1), new(2026, 4, 3), "holiday", April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Alice, new(2026, 4, 5), new(2026, 4, 6), null, April1, Ct);
        await days.AddTimeOffAsync(SampleGoals.Alice, new(2026, 4, 20), new(2026, 4, 20), "dentist", April1, Ct);

        await days.AddTimeOffAsync(SampleGoals.Alice, new(2026, 4, 3), new(2026, 4, 4), null, April1, Ct);

        var rows = await db.TimeOff.AsNoTracking().Where(t => t.PersonId == SampleGoals.Alice).OrderBy(t => t.FirstDay).ToListAsync(Ct);
        Assert.Equal(
            [(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 6), "holiday"), (new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 20), "dentist")],
            rows.Select(r => (r.FirstDay, r.LastDay, r.Reason)));
        var off = await days.TimeOffAsync([SampleGoals.Alice], new(2026, 4, 5), new(2026, 4, 30), Ct);
        Assert.Equal([new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 20)], off[SampleGoals.Alice].Order());
    }

    [Fact]
    public async Task AddTimeOff_ForAnUnknownPersonOrBackwards_Throws()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);

        await Assert.ThrowsAsync<ArgumentException>(() => days.AddTimeOffAsync("ghost", Apr6, Apr6, null, April1, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => days.AddTimeOffAsync(SampleGoals.Alice, Apr7, Apr6, null, April1, Ct));
    }

    [Fact]
    public async Task Skip_Twice_KeepsOneRowWithTheLatestReason()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var days = NewStore(db);

        await days.SkipAsync(SampleGoals.Alice, Apr6, "sick", April1, Ct);
        await days.SkipAsync(SampleGoals.Alice, Apr6, "customer visit", April1.AddHours(1), Ct);

        var row = Assert.Single(await db.DaySkips.AsNoTracking().ToListAsync(Ct));
        Assert.Equal((SampleGoals.Alice, Apr6, "customer visit"), (row.PersonId, row.Day, row.Reason));
        Assert.Equal(April1.ToUniversalTime(), row.CreatedAt.ToUniversalTime());
    }

    private static DayStore NewStore(KpiBotDbContext db) => new(db, new TimeOffStore(db));

    private static async Task RecordAsync(KpiBotDbContext db, string personId, string nodeId, DateOnly day)
    {
        var result = await new CheckInStore(db).RecordAsync(new CheckInEntry(personId, nodeId, day, 1m), personId, April1, Ct);
        Assert.Equal(CheckInOutcome.Created, result.Outcome);
    }
}

public sealed class SqliteDayStoreTests : DayStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresDayStoreTests : DayStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
