using KpiBot.Core.Chat;
using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

/// <summary>The stores the chat adapters lean on: chat users' profiles and 1:1s, inbound de-duplication, installations.</summary>
public abstract class ChatAdapterStoresTests : StorageTestBase
{
    private static readonly ChatUser Maria = new(Platforms.Teams, "tenant-1", "29:maria");

    [Fact]
    public async Task ChatUser_SaveMerges_NullNeverErasesAKnownValue()
    {
        await using var db = Database.NewContext();
        IChatUserStore store = new ChatUserStore(db);
        Assert.Null(await store.FindAsync(Maria, Ct));

        await store.SaveAsync(new ChatUserInfo(Maria, "Maria", "maria@example.com", ServiceUrl: "https://smba.example/jp/"), April1, Ct);
        await store.SaveAsync(new ChatUserInfo(Maria, TimeZone: "Asia/Tokyo", Locale: "ja-JP", PersonalConversationId: "a:1on1"), April1.AddHours(1), Ct);

        var found = await store.FindAsync(Maria, Ct);
        Assert.Equal(
            new ChatUserInfo(Maria, "Maria", "maria@example.com", "Asia/Tokyo", "ja-JP", "https://smba.example/jp/", "a:1on1"),
            found);
        Assert.Equal(new ConversationAddress(Platforms.Teams, "tenant-1", "a:1on1", "https://smba.example/jp/"), found!.Personal);
        Assert.Null(await store.FindAsync(Maria with { TenantId = "tenant-2" }, Ct));
    }

    [Fact]
    public async Task ChatUser_FindMany_ReturnsTheStoredProfilesOfThoseSeen_AcrossPlatformsAndWorkspaces()
    {
        await using var db = Database.NewContext();
        IChatUserStore store = new ChatUserStore(db);
        var ken = new ChatUser(Platforms.Slack, "T1", "U-KEN");
        await store.SaveAsync(new ChatUserInfo(Maria, PersonalConversationId: "a:1on1", ServiceUrl: "https://smba.example/jp/"), April1, Ct);
        await store.SaveAsync(new ChatUserInfo(ken, TimeZone: "Asia/Tokyo", PersonalConversationId: "D-KEN"), April1, Ct);
        await store.SaveAsync(new ChatUserInfo(ken with { TenantId = "T2" }, PersonalConversationId: "D-OTHER"), April1, Ct);

        var found = await store.FindManyAsync([ken, Maria, ken, new ChatUser(Platforms.Slack, "T1", "U-NEVER")], Ct);

        Assert.Equal(
            [(ken, "D-KEN", "Asia/Tokyo"), (Maria, "a:1on1", (string?)null)],
            found.Select(p => (p.User, p.PersonalConversationId, p.TimeZone)).OrderBy(p => p.User.Platform, StringComparer.Ordinal).ToList());
        Assert.Empty(await store.FindManyAsync([], Ct));
    }

    [Fact]
    public async Task ChatUser_SavedAtOnceFromTwoContexts_EndsAsOneMergedRow()
    {
        await using var db1 = Database.NewContext();
        await using var db2 = Database.NewContext();
        await Task.WhenAll(
            new ChatUserStore(db1).SaveAsync(new ChatUserInfo(Maria, Email: "maria@example.com"), April1, Ct),
            new ChatUserStore(db2).SaveAsync(new ChatUserInfo(Maria, TimeZone: "Asia/Tokyo"), April1, Ct));

        await using var db = Database.NewContext();
        var found = await new ChatUserStore(db).FindAsync(Maria, Ct);
        Assert.Equal("maria@example.com", found!.Email);
        Assert.Equal("Asia/Tokyo", found.TimeZone);
        Assert.Single(db.ChatUsers);
    }

    [Fact]
    public async Task Dedupe_FirstTimeOnce_PerPlatformAndKey_UntilPurged()
    {
        await using var db = Database.NewContext();
        IInboundDedupe dedupe = new InboundDedupe(db);

        Assert.True(await dedupe.FirstTimeAsync(Platforms.Slack, "Ev1", April1, Ct));
        Assert.False(await dedupe.FirstTimeAsync(Platforms.Slack, "Ev1", April1.AddSeconds(5), Ct));
        Assert.True(await dedupe.FirstTimeAsync(Platforms.Teams, "Ev1", April1, Ct));
        Assert.True(await dedupe.FirstTimeAsync(Platforms.Slack, "Ev2", April1.AddDays(1), Ct));

        Assert.Equal(2, await dedupe.PurgeAsync(April1.AddHours(1), Ct));
        Assert.True(await dedupe.FirstTimeAsync(Platforms.Slack, "Ev1", April1.AddDays(1), Ct));
        Assert.False(await dedupe.FirstTimeAsync(Platforms.Slack, "Ev2", April1.AddDays(1), Ct));
    }

    [Fact]
    public async Task Dedupe_TwoHostsAtOnce_OnlyOneSeesItFirst()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var db = Database.NewContext();
            return await new InboundDedupe(db).FirstTimeAsync(Platforms.Slack, "Ev-race", April1, Ct);
        }));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Installation_SaveReplaceFindRemove()
    {
        await using var db = Database.NewContext();
        IChatInstallationStore store = new ChatInstallationStore(db);
        var first = new ChatInstallation(Platforms.Slack, "T1", "protected-1", "U-BOT", "U-ADMIN", April1);

        await store.SaveAsync(first, Ct);
        await store.SaveAsync(first with { ProtectedToken = "protected-2", InstalledAt = April1.AddDays(1) }, Ct);

        Assert.Equal(first with { ProtectedToken = "protected-2", InstalledAt = April1.AddDays(1) }, await store.FindAsync(Platforms.Slack, "T1", Ct));
        Assert.Null(await store.FindAsync(Platforms.Slack, "T2", Ct));
        Assert.True(await store.RemoveAsync(Platforms.Slack, "T1", Ct));
        Assert.False(await store.RemoveAsync(Platforms.Slack, "T1", Ct));
        Assert.Null(await store.FindAsync(Platforms.Slack, "T1", Ct));
    }

    [Fact]
    public async Task Installation_ListGivesThePlatformsWorkspacesInOrder()
    {
        await using var db = Database.NewContext();
        IChatInstallationStore store = new ChatInstallationStore(db);
        await store.SaveAsync(new ChatInstallation(Platforms.Slack, "T2", "p2", null, null, April1), Ct);
        await store.SaveAsync(new ChatInstallation(Platforms.Slack, "T1", "p1", "U-BOT", null, April1), Ct);
        await store.SaveAsync(new ChatInstallation(Platforms.Teams, "tenant", "p3", null, null, April1), Ct);

        Assert.Equal(["T1", "T2"], (await store.ListAsync(Platforms.Slack, Ct)).Select(i => i.TenantId));
        Assert.Equal("p1", (await store.ListAsync(Platforms.Slack, Ct))[0].ProtectedToken);
        Assert.Empty(await store.ListAsync("discord", Ct));
    }
}

public sealed class SqliteChatAdapterStoresTests : ChatAdapterStoresTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresChatAdapterStoresTests : ChatAdapterStoresTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
