using KpiBot.Core.Conversations;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class StatusAuthorizationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LeadWorld _world = new();

    private Task<ChatReply> AskAsync(string who, string arguments) => _world.Status.HandleAsync(_world.Context(who), arguments, Ct);

    [Fact]
    public async Task Status_ByARep_WithoutArguments_IsRefusedPolitely()
    {
        var view = Assert.IsType<MessageView>((await AskAsync("aoki", "")).Replies[0].View);

        Assert.Equal("You can see your own numbers with `status @me` and the team's totals with `tree`.", view.Text);
    }

    [Fact]
    public async Task Status_ByARep_ForThemselves_IsShown()
    {
        Assert.Equal("Progress — aoki", Assert.IsType<PersonalProgressView>((await AskAsync("aoki", "@me")).Replies[0].View).Title);
        Assert.Equal("Progress — aoki", Assert.IsType<PersonalProgressView>((await AskAsync("aoki", "@aoki")).Replies[0].View).Title);
    }

    [Theory]
    [InlineData("@baba")]
    [InlineData("tokyo")]
    [InlineData("calls")]
    public async Task Status_ByARep_ForAnyoneOrAnythingElse_IsRefused(string arguments)
    {
        var reply = await AskAsync("aoki", arguments);

        Assert.IsType<MessageView>(reply.Replies[0].View);
        Assert.DoesNotContain(reply.Replies, r => r.View is StatusView or PersonalProgressView);
    }

    [Fact]
    public async Task Status_ByALead_ForAnotherTeamsPersonOrTeamOrGoal_IsRefused()
    {
        Assert.Equal(
            "Sorry, eda is not on your team, so I cannot show their numbers.",
            Assert.IsType<MessageView>((await AskAsync("chiba", "@eda")).Replies[0].View).Text);
        Assert.Equal(
            "Sorry, you can only see your own team (tokyo).",
            Assert.IsType<MessageView>((await AskAsync("chiba", "osaka")).Replies[0].View).Text);
        Assert.Equal(
            "“Visits” is not in your team's tree.",
            Assert.IsType<MessageView>((await AskAsync("chiba", "visit-count")).Replies[0].View).Text);
    }

    [Fact]
    public async Task Status_ByAnAdmin_SeesAllTeams_AnyTeam_AndAnyone()
    {
        var all = Assert.IsType<StatusView>((await AskAsync("yama", "")).Replies[0].View);
        Assert.Equal("Status — all teams", all.Title);
        Assert.Contains(all.Lines, l => l.NodeId == "visit-count");
        Assert.Contains(all.Lines, l => l.NodeId == "calls");

        var osaka = Assert.IsType<StatusView>((await AskAsync("yama", "osaka")).Replies[0].View);
        Assert.Equal("Status — osaka", osaka.Title);
        Assert.DoesNotContain(osaka.Lines, l => l.NodeId == "calls");

        Assert.Equal("Progress — eda", Assert.IsType<PersonalProgressView>((await AskAsync("yama", "@eda")).Replies[0].View).Title);
    }

    [Fact]
    public async Task Status_ForAnUnknownMention_SaysSo()
    {
        var view = Assert.IsType<ErrorView>((await AskAsync("chiba", "@nobody")).Replies[0].View);

        Assert.Equal("I could not find the person “@nobody”.", view.Text);
    }
}
