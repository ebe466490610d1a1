using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class CheckInTotalsTests : StorageTestBase
{
    private static readonly PeriodWindow April = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

    [Fact]
    public async Task GetTotals_OverAWindow_SumsCountsAndTakesTheLatestDayExactly()
    {
        await ImportAsync();
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 3, 31), 1000m); // before the window
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 1), 0.05m);
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 30), 0.0005m); // latest, recorded before the middle day
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 2), 0.05m);
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 3), 0.1m);
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 5, 1), 1000m); // after it
        await RecordAsync(SampleGoals.Carol, SampleGoals.Calls, new(2026, 4, 10), 3m);
        await RecordAsync(SampleGoals.Carol, SampleGoals.Calls, new(2026, 4, 9), -1.25m);
        await RecordAsync(SampleGoals.Bob, SampleGoals.Revenue, new(2026, 4, 15), 2_000_000.5m);
        await RecordAsync(SampleGoals.Bob, SampleGoals.Emails, new(2026, 4, 6), 9m); // a node not asked for

        await using var db = Database.NewContext();
        var totals = await new CheckInTotals(db).GetTotalsAsync(April, [SampleGoals.Calls, SampleGoals.Revenue], null, Ct);

        Assert.Equal(
            [
                new ActualTotal(SampleGoals.Alice, SampleGoals.Calls, 0.2005m, 4, 0.0005m),
                new ActualTotal(SampleGoals.Bob, SampleGoals.Revenue, 2_000_000.5m, 1, 2_000_000.5m),
                new ActualTotal(SampleGoals.Carol, SampleGoals.Calls, 1.75m, 2, 3m),
            ],
            totals.OrderBy(t => t.PersonId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetTotals_ForSomePeople_LeavesOthersOut()
    {
        await ImportAsync();
        await RecordAsync(SampleGoals.Alice, SampleGoals.Calls, new(2026, 4, 1), 5m);
        await RecordAsync(SampleGoals.Carol, SampleGoals.Calls, new(2026, 4, 1), 6m);

        await using var db = Database.NewContext();
        var totals = new CheckInTotals(db);

        Assert.Equal(
            [new ActualTotal(SampleGoals.Carol, SampleGoals.Calls, 6m, 1, 6m)],
            await totals.GetTotalsAsync(April, [SampleGoals.Calls], [SampleGoals.Carol], Ct));
        Assert.Empty(await totals.GetTotalsAsync(April, [SampleGoals.Calls], [], Ct));
    }

    [Fact]
    public async Task Query_AggregatesInSql_NotOnTheClient()
    {
        await using var db = Database.NewContext();

        var sql = new CheckInTotals(db).Query(April, [SampleGoals.Calls], [SampleGoals.Alice]).ToQueryString();

        Assert.Contains("SUM(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("COUNT(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GROUP BY", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("value_scaled", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_TakesTheLatestValueByALookupPerGroup_NotAJoinOverTheWholeTable()
    {
        await using var db = Database.NewContext();

        var sql = new CheckInTotals(db).Query(April, [SampleGoals.Calls], null).ToQueryString();

        // A join back to checkin_entries made PostgreSQL hash every row of the table on each call.
        Assert.DoesNotContain("JOIN", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ORDER BY", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("LIMIT 1", sql, StringComparison.OrdinalIgnoreCase);
    }

    private async Task RecordAsync(string person, string node, DateOnly day, decimal value)
    {
        await using var db = Database.NewContext();
        var result = await new CheckInStore(db).RecordAsync(new CheckInEntry(person, node, day, value), person, April1, Ct);
        Assert.Equal(CheckInOutcome.Created, result.Outcome);
    }
}

public sealed class SqliteCheckInTotalsTests : CheckInTotalsTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresCheckInTotalsTests : CheckInTotalsTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
