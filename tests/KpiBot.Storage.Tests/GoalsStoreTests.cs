using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class GoalsStoreTests : StorageTestBase
{
    [Fact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryMigrationAndLeavesNothingPending()
    {
        await using var db = Database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(0, await db.Teams.CountAsync(Ct));
        Assert.Equal(0, await db.CheckInEntries.CountAsync(Ct));
        Assert.Equal(0, await db.CheckInAudit.CountAsync(Ct));
        Assert.Equal(0, await db.TimeOff.CountAsync(Ct));
        Assert.Equal(0, await db.ChatIdentities.CountAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task LoadCurrent_BeforeAnyImport_IsNull()
    {
        await using var db = Database.NewContext();

        Assert.Null(await new GoalsStore(db).LoadCurrentAsync(Ct));
    }

    [Fact]
    public async Task Import_ThenLoadCurrent_RoundTripsTheRichModelExactly()
    {
        var model = SampleGoals.Build();
        var summary = await ImportAsync(model);

        await using var db = Database.NewContext();
        var loaded = await new GoalsStore(db).LoadCurrentAsync(Ct);

        Assert.Equal(new ImportCounts(2, 0, 0, 0), summary.Teams);
        Assert.Equal(new ImportCounts(3, 0, 0, 0), summary.People);
        Assert.Equal(new ImportCounts(6, 0, 0, 0), summary.Nodes);
        Assert.Equal(5, summary.TargetsChanged); // every node but the KSF
        Assert.NotNull(loaded);
        ModelAssert.Equal(model, loaded);
        var callsJson = await db.GoalNodes.Where(n => n.Id == SampleGoals.Calls).Select(n => n.Definition).SingleAsync(Ct);
        Assert.Contains("\"Cadence\":\"Daily\"", callsJson, StringComparison.Ordinal);
        var londonJson = await db.Teams.Where(t => t.Id == "london").Select(t => t.Definition).SingleAsync(Ct);
        Assert.Contains("\"WorkingDays\":[\"Sunday\",\"Monday\",\"Tuesday\",\"Wednesday\"]", londonJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameContentTwice_ChangesNothingButRecordsTheImport()
    {
        var first = await ImportAsync();
        var second = await ImportAsync(at: April1.AddDays(3));

        await using var db = Database.NewContext();
        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.True(second.NothingChanged);
        Assert.Equal(new ImportCounts(0, 0, 0, 3), second.People);
        Assert.Equal(5, await db.GoalTargets.CountAsync(Ct));
        Assert.Equal(2, await db.GoalImports.CountAsync(Ct));
        Assert.All(await db.GoalNodes.ToListAsync(Ct), n => Assert.Equal(1, n.LastImportVersion));
    }

    [Fact]
    public async Task Reimport_WithChangedTarget_AppendsHistorySoThePastKeepsItsTarget()
    {
        await ImportAsync(SampleGoals.Build(callsTarget: 100m));
        var may10 = new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.FromHours(9));
        var summary = await ImportAsync(SampleGoals.Build(callsTarget: 120.5m), may10);

        await using var db = Database.NewContext();
        var store = new GoalsStore(db);
        Assert.Equal(1, summary.TargetsChanged);
        Assert.Equal(new ImportCounts(0, 1, 0, 5), summary.Nodes);
        Assert.Equal(100m, (await store.TargetAtAsync(SampleGoals.Calls, new DateOnly(2026, 4, 20), Ct))!.Target);
        Assert.Equal(100m, (await store.TargetAtAsync(SampleGoals.Calls, new DateOnly(2026, 5, 9), Ct))!.Target);
        var current = await store.TargetAtAsync(SampleGoals.Calls, new DateOnly(2026, 5, 10), Ct);
        Assert.Equal(new GoalTarget(SampleGoals.Calls, new DateOnly(2026, 5, 10), 120.5m, PeriodKind.Day), current);
        Assert.Equal(120.5m, ((Kdi)(await store.LoadCurrentAsync(Ct))!.NodesById[SampleGoals.Calls]).Target);
        Assert.Null(await store.TargetAtAsync(SampleGoals.Ksf, new DateOnly(2026, 5, 10), Ct));

        var bulk = await store.TargetsAtAsync([SampleGoals.Calls, SampleGoals.Emails, SampleGoals.Kgi], new DateOnly(2026, 4, 2), Ct);
        Assert.Equal(100m, bulk[SampleGoals.Calls].Target);
        Assert.Equal(new GoalTarget(SampleGoals.Emails, DateOnly.MinValue, 50m, PeriodKind.Week), bulk[SampleGoals.Emails]);
        Assert.Equal(100_000_000m, bulk[SampleGoals.Kgi].Target);
    }

    [Fact]
    public async Task Reimport_WithoutANodeAndAPerson_ArchivesThemAndKeepsTheirCheckIns()
    {
        await ImportAsync();
        var day = new DateOnly(2026, 4, 6);
        await using (var db = Database.NewContext())
        {
            var recorded = await new CheckInStore(db).RecordAsync(new CheckInEntry(SampleGoals.Bob, SampleGoals.Emails, day, 12m), "bob", April1, Ct);
            Assert.Equal(CheckInOutcome.Created, recorded.Outcome);
            var carol = await new CheckInStore(db).RecordAsync(new CheckInEntry(SampleGoals.Carol, SampleGoals.Calls, day, 3m), "carol", April1, Ct);
            Assert.Equal(CheckInOutcome.Created, carol.Outcome);
        }

        var summary = await ImportAsync(SampleGoals.Build(withEmails: false, withCarol: false), April1.AddDays(10));

        await using var check = Database.NewContext();
        Assert.Equal(new ImportCounts(0, 0, 1, 5), summary.Nodes);
        Assert.Equal(new ImportCounts(0, 0, 1, 2), summary.People);
        var archived = await check.GoalNodes.SingleAsync(n => n.Id == SampleGoals.Emails, Ct);
        Assert.NotNull(archived.ArchivedAt);
        Assert.Equal(2, archived.LastImportVersion);
        var loaded = (await new GoalsStore(check).LoadCurrentAsync(Ct))!;
        Assert.False(loaded.NodesById.ContainsKey(SampleGoals.Emails));
        Assert.False(loaded.PeopleById.ContainsKey(SampleGoals.Carol));
        Assert.Equal(12m, (await new CheckInStore(check).GetAsync(SampleGoals.Bob, SampleGoals.Emails, day, Ct))!.Value);
        Assert.Equal(3m, (await new CheckInStore(check).GetAsync(SampleGoals.Carol, SampleGoals.Calls, day, Ct))!.Value);
        Assert.Equal(50m, (await new GoalsStore(check).TargetAtAsync(SampleGoals.Emails, day, Ct))!.Target);

        var restored = await ImportAsync(SampleGoals.Build(), April1.AddDays(11));
        Assert.Equal(new ImportCounts(0, 1, 0, 5), restored.Nodes);
        Assert.Null((await check.GoalNodes.AsNoTracking().SingleAsync(n => n.Id == SampleGoals.Emails, Ct)).ArchivedAt);
    }

    [Fact]
    public async Task Import_WithTargetOfFiveDecimals_IsRejectedAndWritesNothing()
    {
        await using var db = Database.NewContext();

        var result = await new GoalsStore(db).ImportAsync(SampleGoals.Build(callsTarget: 1.00001m), "goals.yaml", "abc", "admin", April1, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(SampleGoals.Calls, result.RejectedNodeId);
        Assert.Equal(ValueRejection.TooManyDecimals, result.Rejection);
        Assert.Equal(0, await db.GoalImports.CountAsync(Ct));
        Assert.Equal(0, await db.GoalNodes.CountAsync(Ct));
    }
}

public sealed class SqliteGoalsStoreTests : GoalsStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresGoalsStoreTests : GoalsStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
