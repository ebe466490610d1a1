using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Outcomes;
using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

/// <summary>Reported actuals: one value per (node, period) or (node, period, person), revisions, history, totals in SQL.</summary>
public abstract class OutcomeStoreTests : StorageTestBase
{
    private static readonly DateOnly April = new(2026, 4, 1);
    private static readonly DateOnly May = new(2026, 5, 1);

    private async Task<CheckInRecordResult> RecordAsync(OutcomeEntry entry, string by = "lead")
    {
        await using var db = Database.NewContext();
        return await new OutcomeStore(db).RecordAsync(entry, by, April1, Ct);
    }

    [Fact]
    public async Task Record_CreatesThenUpdatesOrLeavesUnchanged_AndKeepsEveryChange()
    {
        await ImportAsync();

        var created = await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 1_200_000m, Source: "slack"));
        var same = await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 1_200_000.0000m, Source: "api"));
        var changed = await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 1_350_000.25m, "late invoice", "api"), "api:crm");

        Assert.Equal((CheckInOutcome.Created, 1), (created.Outcome, created.Revision));
        Assert.Equal((CheckInOutcome.Unchanged, 1), (same.Outcome, same.Revision));
        Assert.Equal((CheckInOutcome.Updated, 2), (changed.Outcome, changed.Revision));
        await using var db = Database.NewContext();
        var store = new OutcomeStore(db);
        Assert.Equal(new OutcomeEntry(SampleGoals.Revenue, null, April, 1_350_000.25m, "late invoice", "api", 2), await store.GetAsync(SampleGoals.Revenue, null, April, Ct));
        var history = await store.HistoryAsync(SampleGoals.Revenue, null, April, Ct);
        Assert.Equal(
            [(1, (decimal?)null, 1_200_000m, "lead", "slack"), (2, 1_200_000m, 1_350_000.25m, "api:crm", "api")],
            history.Select(h => (h.Revision, h.OldValue, h.NewValue, h.ChangedBy, h.Source)));
    }

    [Fact]
    public async Task WholeNodeAndPerPersonValues_AreSeparateKeys_AndSumPerPersonInSql()
    {
        await ImportAsync();
        await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 100m));
        await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, SampleGoals.Alice, April, 10m));
        await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, SampleGoals.Alice, new(2026, 4, 15), 20m));
        await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, SampleGoals.Bob, April, 5m));
        await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, May, 1000m));            // after the window
        await RecordAsync(new OutcomeEntry(SampleGoals.Appointments, null, April, 7m));        // not asked for

        await using var db = Database.NewContext();
        var totals = await new OutcomeStore(db).GetTotalsAsync(new PeriodWindow(April, new(2026, 4, 30)), [SampleGoals.Revenue], Ct);

        Assert.Equal(
            [
                new ActualTotal("", SampleGoals.Revenue, 100m, 1, 100m),
                new ActualTotal(SampleGoals.Alice, SampleGoals.Revenue, 30m, 2, 20m),
                new ActualTotal(SampleGoals.Bob, SampleGoals.Revenue, 5m, 1, 5m),
            ],
            totals.OrderBy(t => t.PersonId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_RefusesUnknownNodesPeopleAndKdis_AndValuesItCannotKeep()
    {
        await ImportAsync();

        Assert.Equal(CheckInOutcome.UnknownNode, (await RecordAsync(new OutcomeEntry("nothing", null, April, 1m))).Outcome);
        Assert.Equal(CheckInOutcome.UnknownNode, (await RecordAsync(new OutcomeEntry(SampleGoals.Calls, null, April, 1m))).Outcome);
        Assert.Equal(CheckInOutcome.UnknownPerson, (await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, "ghost", April, 1m))).Outcome);
        Assert.Equal(ValueRejection.TooManyDecimals, (await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 1.00001m))).Rejection);
        Assert.Equal(ValueRejection.OutOfRange, (await RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, 1e15m))).Rejection);
        await using var db = Database.NewContext();
        Assert.Empty(db.OutcomeReports);
    }

    [Fact]
    public async Task ConcurrentWriters_OfOneKey_CreateOneRow()
    {
        await ImportAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => RecordAsync(new OutcomeEntry(SampleGoals.Revenue, null, April, i), "host-" + i))));

        Assert.Single(results, r => r.Outcome == CheckInOutcome.Created);
        await using var db = Database.NewContext();
        var row = Assert.Single(db.OutcomeReports);
        Assert.Equal(row.Revision, db.OutcomeAudit.Count());
    }
}

public sealed class SqliteOutcomeStoreTests : OutcomeStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresOutcomeStoreTests : OutcomeStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
