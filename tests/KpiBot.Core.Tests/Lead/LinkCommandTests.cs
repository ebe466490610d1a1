using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class LinkCommandTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LeadWorld _world = new();

    private LinkCommand Link => new(_world.Directory);

    private UnlinkCommand Unlink => new(_world.Directory);

    [Fact]
    public async Task Link_InADm_IsRefused_AndLinksNothing()
    {
        var reply = await Link.HandleAsync(_world.Context("yama"), "tokyo", Ct);

        Assert.IsType<ErrorView>(reply.Replies[0].View);
        Assert.Empty(await _world.Directory.LinksOfTeamAsync("tokyo", Ct));
    }

    [Fact]
    public async Task Link_InAChannel_LinksTheChannelToTheTeam()
    {
        var reply = await Link.HandleAsync(_world.Context("yama", ConversationKind.Channel), "TOKYO", Ct);

        Assert.Equal("This channel now receives the weekly digest of tokyo.", reply.Replies[0].View.Text);
        Assert.Equal([LeadWorld.Channel], await _world.Directory.LinksOfTeamAsync("tokyo", Ct));
    }

    [Fact]
    public async Task Link_ToAnotherTeam_MovesTheChannel()
    {
        await Link.HandleAsync(_world.Context("yama", ConversationKind.Channel), "tokyo", Ct);

        var reply = await Link.HandleAsync(_world.Context("yama", ConversationKind.Channel), "osaka", Ct);

        Assert.Equal("This channel now receives the weekly digest of osaka instead of tokyo.", reply.Replies[0].View.Text);
        Assert.Equal("osaka", await _world.Directory.TeamOfChannelAsync(LeadWorld.Channel, Ct));
    }

    [Fact]
    public async Task Link_ToAnUnknownTeam_ListsTheTeams()
    {
        var reply = await Link.HandleAsync(_world.Context("yama", ConversationKind.Channel, Localized.Japanese), "nagoya", Ct);

        Assert.Equal("「nagoya」というチームはありません。チーム: tokyo（tokyo）、osaka（osaka）", reply.Replies[0].View.Text);
        Assert.Null(await _world.Directory.TeamOfChannelAsync(LeadWorld.Channel, Ct));
    }

    [Fact]
    public async Task Unlink_RemovesTheLink_AndSaysWhenThereWasNone()
    {
        await Link.HandleAsync(_world.Context("yama", ConversationKind.Channel), "tokyo", Ct);

        var first = await Unlink.HandleAsync(_world.Context("yama", ConversationKind.Channel), "", Ct);
        var second = await Unlink.HandleAsync(_world.Context("yama", ConversationKind.Channel), "", Ct);

        Assert.Equal("This channel no longer receives the weekly digest of tokyo.", first.Replies[0].View.Text);
        Assert.Equal("This channel was not linked to any team.", second.Replies[0].View.Text);
        Assert.Empty(await _world.Directory.LinksOfTeamAsync("tokyo", Ct));
    }

    [Fact]
    public async Task Unlink_InADm_IsRefused()
    {
        Assert.IsType<ErrorView>((await Unlink.HandleAsync(_world.Context("yama"), "", Ct)).Replies[0].View);
        Assert.Equal(Role.Admin, Link.MinimumRole);
        Assert.Equal(Role.Admin, Unlink.MinimumRole);
    }
}
