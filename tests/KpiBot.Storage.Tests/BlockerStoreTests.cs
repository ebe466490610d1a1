using KpiBot.Core.CheckIns;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class BlockerStoreTests : StorageTestBase
{
    private static readonly DateOnly Apr6 = new(2026, 4, 6);

    [Fact]
    public async Task Raise_WhenOneIsOpen_KeepsItAndReplacesTheNote()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new BlockerStore(db);

        Assert.True(await store.RaiseAsync(SampleGoals.Alice, Apr6, "no leads", April1, Ct));
        Assert.False(await store.RaiseAsync(SampleGoals.Alice, Apr6.AddDays(1), "still no leads", April1.AddDays(1), Ct));

        var open = Assert.Single(await store.OpenAsync([SampleGoals.Alice, SampleGoals.Bob], Ct));
        Assert.Equal(new Blocker(SampleGoals.Alice, Apr6, "still no leads", April1), open with { RaisedAt = open.RaisedAt.ToOffset(April1.Offset) });
        Assert.Equal(1, await db.Blockers.CountAsync(Ct));
    }

    [Fact]
    public async Task Resolve_ClosesTheOpenOne_SoTheNextRaiseOpensANewOne()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var store = new BlockerStore(db);
        await store.RaiseAsync(SampleGoals.Alice, Apr6, "no leads", April1, Ct);
        await store.RaiseAsync(SampleGoals.Carol, Apr6, null, April1, Ct);

        await store.ResolveAsync(SampleGoals.Alice, SampleGoals.Bob, April1.AddHours(2), Ct);

        Assert.Equal([SampleGoals.Carol], (await store.OpenAsync([SampleGoals.Alice, SampleGoals.Carol], Ct)).Select(b => b.PersonId));
        var resolved = await db.Blockers.AsNoTracking().SingleAsync(b => b.PersonId == SampleGoals.Alice, Ct);
        Assert.Equal((SampleGoals.Bob, April1.AddHours(2).ToUniversalTime()), (resolved.ResolvedBy, resolved.ResolvedAt?.ToUniversalTime()));

        Assert.True(await store.RaiseAsync(SampleGoals.Alice, Apr6.AddDays(3), "printer", April1.AddDays(3), Ct));
        Assert.Equal(2, await db.Blockers.CountAsync(b => b.PersonId == SampleGoals.Alice, Ct));
        await store.ResolveAsync(SampleGoals.Bob, SampleGoals.Bob, April1, Ct); // none open: nothing happens
    }

    [Fact]
    public async Task OpenBlockers_OfOnePerson_AreLimitedToOneByTheDatabase()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        await new BlockerStore(db).RaiseAsync(SampleGoals.Alice, Apr6, "first", April1, Ct);

        db.Blockers.Add(new Entities.BlockerRow { PersonId = SampleGoals.Alice, Day = Apr6, Note = "second", RaisedAt = April1 });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }
}

public sealed class SqliteBlockerStoreTests : BlockerStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresBlockerStoreTests : BlockerStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    [Fact]
    public async Task Raise_FromManyHostsAtOnce_OpensExactlyOne()
    {
        await ImportAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var db = Database.NewContext();
            return await new BlockerStore(db).RaiseAsync(SampleGoals.Alice, new DateOnly(2026, 4, 6), $"note {i}", April1, Ct);
        }));

        Assert.Single(opened, o => o);
        await using var check = Database.NewContext();
        Assert.Equal(1, await check.Blockers.CountAsync(Ct));
    }
}
