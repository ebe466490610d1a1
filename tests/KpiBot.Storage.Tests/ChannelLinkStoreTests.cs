using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Storage.Tests.Infrastructure;

namespace KpiBot.Storage.Tests;

public abstract class ChannelLinkStoreTests : StorageTestBase
{
    private static readonly ConversationAddress SlackChannel = new(Platforms.Slack, "T1", "C-SALES");
    private static readonly ConversationAddress TeamsChannel = new(Platforms.Teams, "tenant-1", "19:sales@thread.tacv2", "https://smba.example/jp/");

    [Fact]
    public async Task Link_ThenLookUp_BothWays()
    {
        await using var db = Database.NewContext();
        IChannelLinkStore store = new ChannelLinkStore(db);

        await store.LinkAsync(SlackChannel, "tokyo", "sato", April1, Ct);
        await store.LinkAsync(TeamsChannel, "tokyo", "sato", April1, Ct);
        await store.LinkAsync(SlackChannel with { TenantId = "T2" }, "london", "bob", April1, Ct);

        Assert.Equal([SlackChannel, TeamsChannel], await store.LinksOfTeamAsync("tokyo", Ct));
        Assert.Equal("tokyo", await store.TeamOfChannelAsync(TeamsChannel with { ServiceUrl = null }, Ct));
        Assert.Equal("london", await store.TeamOfChannelAsync(SlackChannel with { TenantId = "T2" }, Ct));
        Assert.Null(await store.TeamOfChannelAsync(SlackChannel with { ConversationId = "C-OTHER" }, Ct));
    }

    [Fact]
    public async Task Link_AgainToAnotherTeam_MovesTheChannelAndKeepsTheLatestServiceUrl()
    {
        await using var db = Database.NewContext();
        IChannelLinkStore store = new ChannelLinkStore(db);
        await store.LinkAsync(TeamsChannel, "tokyo", "sato", April1, Ct);

        var moved = TeamsChannel with { ServiceUrl = "https://smba.example/amer/" };
        await store.LinkAsync(moved, "london", "bob", April1.AddDays(1), Ct);

        Assert.Empty(await store.LinksOfTeamAsync("tokyo", Ct));
        Assert.Equal([moved], await store.LinksOfTeamAsync("london", Ct));
    }

    [Fact]
    public async Task Unlink_ReturnsTheTeamOnce()
    {
        await using var db = Database.NewContext();
        IChannelLinkStore store = new ChannelLinkStore(db);
        await store.LinkAsync(SlackChannel, "tokyo", "sato", April1, Ct);

        Assert.Equal("tokyo", await store.UnlinkAsync(SlackChannel, Ct));
        Assert.Null(await store.UnlinkAsync(SlackChannel, Ct));
        Assert.Empty(await store.LinksOfTeamAsync("tokyo", Ct));
    }
}

public sealed class SqliteChannelLinkStoreTests : ChannelLinkStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresChannelLinkStoreTests : ChannelLinkStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
