using KpiBot.Core.Chat;
using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

public abstract class IdentityStoreTests : StorageTestBase
{
    private static readonly ChatUser AliceOnSlack = new(Platforms.Slack, "T1", "U-ALICE");
    private static readonly ChatUser AliceOnTeams = new(Platforms.Teams, "tenant-1", "29:alice");

    [Fact]
    public async Task Link_ThenFind_ByChatUserAndByEmail()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        IIdentityStore store = new PersonDirectory(db);

        await store.LinkAsync(AliceOnSlack, SampleGoals.Alice, April1, Ct);
        await store.LinkAsync(AliceOnTeams, SampleGoals.Alice, April1, Ct);

        Assert.Equal(SampleGoals.Alice, await store.FindPersonIdAsync(AliceOnSlack, Ct));
        Assert.Null(await store.FindPersonIdAsync(AliceOnSlack with { TenantId = "T2" }, Ct));
        Assert.Equal(SampleGoals.Alice, await store.FindPersonIdByEmailAsync("  ALICE.sato@example.COM ", Ct));
        Assert.Null(await store.FindPersonIdByEmailAsync("nobody@example.com", Ct));
        Assert.Equal([AliceOnSlack, AliceOnTeams], await store.IdentitiesOfAsync(SampleGoals.Alice, Ct));
        Assert.Empty(await store.IdentitiesOfAsync(SampleGoals.Bob, Ct));
    }

    [Fact]
    public async Task Cached_AnswersFromMemory_ALinkHereShowsAtOnce_ALinkElsewhereWithinAMinute()
    {
        await ImportAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(April1);
        var cache = new IdentityCache(time);
        await using var db = Database.NewContext();
        IIdentityStore store = new CachedIdentityStore(new PersonDirectory(db), cache);

        Assert.Null(await store.FindPersonIdAsync(AliceOnSlack, Ct)); // "nobody" is remembered briefly
        await store.LinkAsync(AliceOnSlack, SampleGoals.Alice, April1, Ct);
        Assert.Equal(SampleGoals.Alice, await store.FindPersonIdAsync(AliceOnSlack, Ct)); // this host's link clears it
        Assert.Equal([AliceOnSlack], await store.IdentitiesOfAsync(SampleGoals.Alice, Ct));

        // Another host moves the chat user to Carol: this host still says Alice until the entry expires.
        await using (var other = Database.NewContext())
        {
            await new PersonDirectory(other).LinkAsync(AliceOnSlack, SampleGoals.Carol, April1, Ct);
        }

        Assert.Equal(SampleGoals.Alice, await store.FindPersonIdAsync(AliceOnSlack, Ct));
        Assert.Equal([AliceOnSlack], await store.IdentitiesOfAsync(SampleGoals.Alice, Ct));
        time.Advance(IdentityCache.KnownFor);
        Assert.Equal(SampleGoals.Carol, await store.FindPersonIdAsync(AliceOnSlack, Ct));
        Assert.Empty(await store.IdentitiesOfAsync(SampleGoals.Alice, Ct));

        // Relinking here forgets the old person's identities too.
        Assert.Equal([AliceOnSlack], await store.IdentitiesOfAsync(SampleGoals.Carol, Ct));
        await store.LinkAsync(AliceOnSlack, SampleGoals.Bob, April1, Ct);
        Assert.Empty(await store.IdentitiesOfAsync(SampleGoals.Carol, Ct));
        Assert.Equal(SampleGoals.Bob, await store.FindPersonIdAsync(AliceOnSlack, Ct));
    }

    [Fact]
    public async Task Link_AChatUserToSomeoneElse_MovesTheLink()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        IIdentityStore store = new PersonDirectory(db);
        await store.LinkAsync(AliceOnSlack, SampleGoals.Alice, April1, Ct);

        await store.LinkAsync(AliceOnSlack, SampleGoals.Carol, April1, Ct);

        Assert.Equal(SampleGoals.Carol, await store.FindPersonIdAsync(AliceOnSlack, Ct));
        Assert.Empty(await store.IdentitiesOfAsync(SampleGoals.Alice, Ct));
    }

    [Fact]
    public async Task Link_ToAnUnknownPerson_Throws()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        IIdentityStore store = new PersonDirectory(db);

        await Assert.ThrowsAsync<ArgumentException>(() => store.LinkAsync(AliceOnSlack, "ghost", April1, Ct));
    }

    [Fact]
    public async Task FindPersonId_OfAnArchivedPerson_IsNull()
    {
        await ImportAsync();
        await using (var db = Database.NewContext())
        {
            await new PersonDirectory(db).LinkAsync(AliceOnSlack with { UserId = "U-CAROL" }, SampleGoals.Carol, April1, Ct);
        }

        await ImportAsync(SampleGoals.Build(withCarol: false));

        await using var check = Database.NewContext();
        IIdentityStore store = new PersonDirectory(check);
        Assert.Null(await store.FindPersonIdAsync(AliceOnSlack with { UserId = "U-CAROL" }, Ct));
        Assert.Null(await store.FindPersonIdByEmailAsync("carol@example.com", Ct));
    }
}

public sealed class SqliteIdentityStoreTests : IdentityStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresIdentityStoreTests : IdentityStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
