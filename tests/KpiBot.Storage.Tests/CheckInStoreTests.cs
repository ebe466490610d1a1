using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class CheckInStoreTests : StorageTestBase
{
    private static readonly DateOnly Day = new(2026, 4, 6);

    [Fact]
    public async Task Record_NewEntry_IsCreatedAtRevisionOneAndAudited()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);

        var result = await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 42.5m, "good day", Source: CheckInSources.Slack), "alice", April1, Ct);

        Assert.Equal(new CheckInRecordResult(CheckInOutcome.Created, 1), result);
        Assert.Equal(
            new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 42.5m, "good day", false, CheckInSources.Slack, 1),
            await store.GetAsync(SampleGoals.Alice, SampleGoals.Calls, Day, Ct));
        var change = Assert.Single(await store.HistoryAsync(SampleGoals.Alice, SampleGoals.Calls, Day, Ct));
        Assert.Equal(new CheckInChange(1, null, 42.5m, null, "good day", null, false, "alice", CheckInSources.Slack, April1), change);
    }

    [Fact]
    public async Task Record_SameContentTwice_IsUnchangedAndAddsNoAudit()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);
        var entry = new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m, "n");

        await store.RecordAsync(entry, "alice", April1, Ct);
        var again = await store.RecordAsync(entry with { Value = 10.0000m }, "alice", April1.AddMinutes(5), Ct);

        Assert.Equal(new CheckInRecordResult(CheckInOutcome.Unchanged, 1), again);
        Assert.Single(await store.HistoryAsync(SampleGoals.Alice, SampleGoals.Calls, Day, Ct));
    }

    [Fact]
    public async Task Record_ChangedValueAndNote_BumpsRevisionAndAuditsOldAndNew()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m), "alice", April1, Ct);

        var later = April1.AddHours(2);
        var result = await store.RecordAsync(
            new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 12m, "fixed", Blocker: true, Source: CheckInSources.Teams), "lead", later, Ct);

        Assert.Equal(new CheckInRecordResult(CheckInOutcome.Updated, 2), result);
        var history = await store.HistoryAsync(SampleGoals.Alice, SampleGoals.Calls, Day, Ct);
        Assert.Equal(2, history.Count);
        Assert.Equal(new CheckInChange(2, 10m, 12m, null, "fixed", false, true, "lead", CheckInSources.Teams, later), history[1]);
        var stored = await db.CheckInEntries.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(April1, stored.CreatedAt);
        Assert.Equal(later, stored.UpdatedAt);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task Record_UnknownPersonOrNode_ReturnsAResultAndWritesNothing()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);

        var person = await store.RecordAsync(new CheckInEntry("nobody", SampleGoals.Calls, Day, 1m), "x", April1, Ct);
        var node = await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, "kdi-missing", Day, 1m), "x", April1, Ct);
        var ksf = await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Ksf, Day, 1m), "x", April1, Ct);
        var reportedKpi = await store.RecordAsync(new CheckInEntry(SampleGoals.Bob, SampleGoals.Revenue, Day, 2_500_000m), "bob", April1, Ct);

        Assert.Equal(CheckInOutcome.UnknownPerson, person.Outcome);
        Assert.Equal(CheckInOutcome.UnknownNode, node.Outcome);
        Assert.Equal(CheckInOutcome.UnknownNode, ksf.Outcome);
        Assert.Equal(CheckInOutcome.Created, reportedKpi.Outcome);
        Assert.Equal(1, await db.CheckInEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task RecordAll_OneSubmission_GivesEachEntryWhatRecordWouldInItsOrder()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m, "n"), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Emails, Day, 3m, "n"), "alice", April1, Ct);

        var results = await store.RecordAllAsync(
            [
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10.0000m, "n"),   // the same content
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Emails, Day, 4m, "n"),        // a new value
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day.AddDays(1), 7m, "n"), // a new day
                new CheckInEntry(SampleGoals.Alice, "kdi-missing", Day, 1m, "n"),
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Ksf, Day, 1m, "n"),
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 0.00001m, "n"),
                new CheckInEntry("nobody", SampleGoals.Calls, Day, 1m, "n"),
            ],
            "alice",
            April1.AddMinutes(5),
            Ct);

        Assert.Equal(
            [
                new CheckInRecordResult(CheckInOutcome.Unchanged, 1),
                new CheckInRecordResult(CheckInOutcome.Updated, 2),
                new CheckInRecordResult(CheckInOutcome.Created, 1),
                new CheckInRecordResult(CheckInOutcome.UnknownNode),
                new CheckInRecordResult(CheckInOutcome.UnknownNode),
                new CheckInRecordResult(CheckInOutcome.InvalidValue, 0, ValueRejection.TooManyDecimals),
                new CheckInRecordResult(CheckInOutcome.UnknownPerson),
            ],
            results);
        Assert.Single(await store.HistoryAsync(SampleGoals.Alice, SampleGoals.Calls, Day, Ct));
        Assert.Equal(2, (await store.HistoryAsync(SampleGoals.Alice, SampleGoals.Emails, Day, Ct)).Count);
        Assert.Equal(3, await db.CheckInEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task RecordAll_ANoteOrBlockerChangedWithTheSameValue_IsStillAnUpdate()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m, "n"), "alice", April1, Ct);

        var note = await store.RecordAllAsync([new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m, "other")], "alice", April1, Ct);
        var blocker = await store.RecordAllAsync([new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 10m, "other", Blocker: true)], "alice", April1, Ct);

        Assert.Equal([new CheckInRecordResult(CheckInOutcome.Updated, 2)], note);
        Assert.Equal([new CheckInRecordResult(CheckInOutcome.Updated, 3)], blocker);
    }

    [Theory]
    [InlineData("0.00001", ValueRejection.TooManyDecimals)]
    [InlineData("12.34567", ValueRejection.TooManyDecimals)]
    [InlineData("100000000000.0001", ValueRejection.OutOfRange)]
    [InlineData("-100000000001", ValueRejection.OutOfRange)]
    public async Task Record_ValueThatCannotBeStoredExactly_IsRejected(string value, ValueRejection expected)
    {
        await ImportAsync();
        await using var db = Database.NewContext();

        var result = await new CheckInStore(db).RecordAsync(
            new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), "alice", April1, Ct);

        Assert.Equal(new CheckInRecordResult(CheckInOutcome.InvalidValue, 0, expected), result);
        Assert.Equal(0, await db.CheckInEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task Record_LargestValueWithFourDecimals_RoundTrips()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new CheckInStore(db);

        await store.RecordAsync(new CheckInEntry(SampleGoals.Bob, SampleGoals.Revenue, Day, -99_999_999_999.9999m), "bob", April1, Ct);

        Assert.Equal(-99_999_999_999.9999m, (await store.GetAsync(SampleGoals.Bob, SampleGoals.Revenue, Day, Ct))!.Value);
    }

    [Fact]
    public async Task Record_ConcurrentWritersOfTheSameValue_OneCreatesTheOthersFindNothingToChange()
    {
        await ImportAsync();

        var results = await RecordInParallelAsync(Enumerable.Repeat(7m, 8).ToArray());

        Assert.Single(results, r => r.Outcome == CheckInOutcome.Created);
        Assert.Equal(7, results.Count(r => r.Outcome == CheckInOutcome.Unchanged));
        await using var db = Database.NewContext();
        Assert.Equal(1, (await db.CheckInEntries.SingleAsync(Ct)).Revision);
        Assert.Equal(1, await db.CheckInAudit.CountAsync(Ct));
    }

    [Fact]
    public async Task Record_ConcurrentWritersOfDifferentValues_OneCreatesAndEveryChangeIsAudited()
    {
        await ImportAsync();

        var results = await RecordInParallelAsync([1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m]);

        Assert.Single(results, r => r.Outcome == CheckInOutcome.Created);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { CheckInOutcome.Created, CheckInOutcome.Updated, CheckInOutcome.Unchanged }));
        await using var db = Database.NewContext();
        var entry = await db.CheckInEntries.SingleAsync(Ct);
        var audits = await db.CheckInAudit.OrderBy(a => a.Revision).ToListAsync(Ct);
        Assert.Equal(1 + results.Count(r => r.Outcome == CheckInOutcome.Updated), entry.Revision);
        Assert.Equal(Enumerable.Range(1, entry.Revision), audits.Select(a => a.Revision));
        Assert.Equal(entry.ValueScaled, audits[^1].NewValueScaled);
        Assert.Equal(results.Where(r => r.Outcome != CheckInOutcome.Unchanged).Select(r => r.Revision).Order(), Enumerable.Range(1, entry.Revision));
    }

    [Fact]
    public async Task GetDay_ReturnsEveryNodeOfThatPersonAndDayOnly()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 42m, "good day"), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Day, 1_250_000.5m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day.AddDays(1), 7m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Carol, SampleGoals.Calls, Day, 9m), "carol", April1, Ct);

        var day = await store.GetDayAsync(SampleGoals.Alice, Day, Ct);

        Assert.Equal(
            [
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 42m, "good day"),
                new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Day, 1_250_000.5m),
            ],
            day);
        Assert.Empty(await store.GetDayAsync(SampleGoals.Bob, Day, Ct));
    }

    [Fact]
    public async Task GetDays_ReturnsWhatThesePeopleRecordedOnTheseDays_InOneRead()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 42m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day.AddDays(1), 7m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day.AddDays(2), 8m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Carol, SampleGoals.Calls, Day, 9m), "carol", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Bob, SampleGoals.Calls, Day, 3m), "bob", April1, Ct);

        var days = await store.GetDaysAsync([SampleGoals.Alice, SampleGoals.Carol], [Day, Day.AddDays(1)], Ct);

        Assert.Equal(
            [(SampleGoals.Alice, Day, 42m), (SampleGoals.Alice, Day.AddDays(1), 7m), (SampleGoals.Carol, Day, 9m)],
            days.Select(e => (e.PersonId, e.Day, e.Value)).Order().ToList());
        Assert.Empty(await store.GetDaysAsync([], [Day], Ct));
    }

    [Fact]
    public async Task LastAnsweredDayBefore_IsTheLatestEarlierDayWithAnyValue()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        ICheckInRepository store = new CheckInStore(db);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, 1m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Revenue, Day.AddDays(2), 1m), "alice", April1, Ct);
        await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day.AddDays(4), 1m), "alice", April1, Ct);

        Assert.Equal(Day.AddDays(2), await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Day.AddDays(4), Ct));
        Assert.Equal(Day.AddDays(4), await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Day.AddDays(30), Ct));
        Assert.Null(await store.LastAnsweredDayBeforeAsync(SampleGoals.Alice, Day, Ct));
        Assert.Null(await store.LastAnsweredDayBeforeAsync(SampleGoals.Bob, Day.AddDays(30), Ct));
    }

    /// <summary>Each writer has its own context and connection, like separate hosts; all start together.</summary>
    private async Task<CheckInRecordResult[]> RecordInParallelAsync(decimal[] values)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = values.Select(value => Task.Run(async () =>
        {
            await using var db = Database.NewContext();
            var store = new CheckInStore(db);
            await db.Database.OpenConnectionAsync(Ct);
            await start.Task;
            return await store.RecordAsync(new CheckInEntry(SampleGoals.Alice, SampleGoals.Calls, Day, value), "host", April1, Ct);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(writers);
    }
}

public sealed class SqliteCheckInStoreTests : CheckInStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresCheckInStoreTests : CheckInStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
