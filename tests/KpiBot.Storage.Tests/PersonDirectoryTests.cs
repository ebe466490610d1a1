using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

public abstract class PersonDirectoryTests : StorageTestBase
{
    [Fact]
    public async Task FindByEmail_InAnotherLetterCase_FindsThePerson()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var directory = new PersonDirectory(db);

        Assert.Equal(SampleGoals.Alice, (await directory.FindByEmailAsync("alice.sato@EXAMPLE.COM", Ct))?.Id);
        Assert.Equal(SampleGoals.Bob, (await directory.FindByEmailAsync(" Bob@Example.com ", Ct))?.Id);
        Assert.Null(await directory.FindByEmailAsync("nobody@example.com", Ct));
    }

    [Fact]
    public async Task FindByEmail_OfAnArchivedPerson_FindsNobody()
    {
        await ImportAsync();
        await ImportAsync(SampleGoals.Build(withCarol: false), April1.AddDays(1));
        await using var db = Database.NewContext();

        Assert.Null(await new PersonDirectory(db).FindByEmailAsync("carol@example.com", Ct));
    }

    [Fact]
    public async Task LinkChatIdentity_ThenFind_ReturnsThePersonOnlyInThatWorkspace()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var directory = new PersonDirectory(db);

        var linked = await directory.LinkChatIdentityAsync("slack", "T01", "U123", SampleGoals.Alice, April1, Ct);
        var again = await directory.LinkChatIdentityAsync("slack", "T01", "U123", SampleGoals.Alice, April1, Ct);

        Assert.Equal(ChatIdentityLinkResult.Linked, linked);
        Assert.Equal(ChatIdentityLinkResult.AlreadyLinked, again);
        Assert.Equal(SampleGoals.Alice, (await directory.FindByChatIdentityAsync("slack", "T01", "U123", Ct))?.Id);
        Assert.Null(await directory.FindByChatIdentityAsync("slack", "T02", "U123", Ct));
        Assert.Null(await directory.FindByChatIdentityAsync("teams", "T01", "U123", Ct));
    }

    [Fact]
    public async Task LinkChatIdentity_OfALinkedUserToAnotherPerson_ReplacesBothSidesOfTheOldLinks()
    {
        await ImportAsync();
        await using var db = Database.NewContext();
        var directory = new PersonDirectory(db);
        await directory.LinkChatIdentityAsync("slack", "T01", "U1", SampleGoals.Alice, April1, Ct);
        await directory.LinkChatIdentityAsync("slack", "T01", "U2", SampleGoals.Bob, April1, Ct);

        var relinked = await directory.LinkChatIdentityAsync("slack", "T01", "U1", SampleGoals.Bob, April1, Ct);

        Assert.Equal(ChatIdentityLinkResult.Relinked, relinked);
        Assert.Equal(SampleGoals.Bob, (await directory.FindByChatIdentityAsync("slack", "T01", "U1", Ct))?.Id);
        Assert.Null(await directory.FindByChatIdentityAsync("slack", "T01", "U2", Ct));
    }

    [Fact]
    public async Task LinkChatIdentity_ToAnUnknownPerson_IsRefused()
    {
        await ImportAsync();
        await using var db = Database.NewContext();

        Assert.Equal(
            ChatIdentityLinkResult.UnknownPerson,
            await new PersonDirectory(db).LinkChatIdentityAsync("teams", "tenant", "29:abc", "nobody", April1, Ct));
    }

    [Fact]
    public async Task Reimport_KeepsChatIdentitiesAndTimeOff()
    {
        await ImportAsync();
        await using (var db = Database.NewContext())
        {
            await new PersonDirectory(db).LinkChatIdentityAsync("slack", "T01", "U1", SampleGoals.Alice, April1, Ct);
            await new TimeOffStore(db).AddAsync(SampleGoals.Alice, new(2026, 4, 6), new(2026, 4, 6), null, April1, Ct);
        }

        await ImportAsync(SampleGoals.Build(callsTarget: 90m, withEmails: false), April1.AddDays(2));

        await using var check = Database.NewContext();
        Assert.Equal(SampleGoals.Alice, (await new PersonDirectory(check).FindByChatIdentityAsync("slack", "T01", "U1", Ct))?.Id);
        Assert.Single(await new TimeOffStore(check).GetAsync([SampleGoals.Alice], new(2026, 4, 1), new(2026, 4, 30), Ct));
    }
}

public sealed class SqlitePersonDirectoryTests : PersonDirectoryTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresPersonDirectoryTests : PersonDirectoryTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
