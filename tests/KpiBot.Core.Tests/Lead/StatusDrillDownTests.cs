using KpiBot.Core.Conversations;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class StatusDrillDownTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("dials")]
    [InlineData("DIALS")]
    public async Task Status_ByGoalId_ShowsItsSubtree(string arguments)
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var view = Assert.IsType<StatusView>((await world.Status.HandleAsync(world.Context("chiba"), arguments, Ct)).Replies[0].View);

        Assert.Equal("Status — dials", view.Title);
        Assert.Equal(["dials", "calls"], view.Lines.Select(l => l.NodeId));
        Assert.Equal([0, 1], view.Lines.Select(l => l.Depth));
        Assert.Equal("111件 / 400件 in November", view.Lines[0].FiguresText);
    }

    [Fact]
    public async Task Status_ByGoalTitle_ShowsTheNode_WithEachPersonInADm()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var view = Assert.IsType<StatusView>((await world.Status.HandleAsync(world.Context("chiba"), "phone calls", Ct)).Replies[0].View);

        Assert.Equal("Status — Phone calls", view.Title);
        var byPerson = view.Sections.Single(s => s.Heading == "By person");
        Assert.Equal(
            [
                "aoki: 66 calls / 190 calls in November (35 %, on-track)",
                "baba: 45 calls / 190 calls in November (24 %, off-track)",
                "cato: 0 calls / 180 calls in November (0 %, off-track)",
                "dan: 0 calls / 190 calls in November (0 %, off-track)",
            ],
            byPerson.Items);
    }

    [Fact]
    public async Task Status_ByGoalTitle_InAChannel_SendsEachPersonPrivately()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await world.Status.HandleAsync(world.Context("chiba", ConversationKind.Channel), "Phone calls", Ct);

        Assert.Equal([ReplyVisibility.Conversation, ReplyVisibility.Private], reply.Replies.Select(r => r.Visibility));
        Assert.DoesNotContain("aoki", reply.Replies[0].View.Text, StringComparison.Ordinal);
        Assert.Contains("aoki: 66 calls / 190 calls", reply.Replies[1].View.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ByMisspeltTitle_SuggestsTheClosest()
    {
        var world = new LeadWorld();

        var view = Assert.IsType<ErrorView>((await world.Status.HandleAsync(world.Context("chiba"), "phone cals", Ct)).Replies[0].View);

        Assert.Equal("No team, person or goal matches “phone cals”. Did you mean “Phone calls” (calls)?", view.Text);
    }

    [Fact]
    public async Task Status_ByUnrelatedText_SaysNothingMatches()
    {
        var world = new LeadWorld();

        var view = Assert.IsType<ErrorView>((await world.Status.HandleAsync(world.Context("chiba"), "quarterly zebra count", Ct)).Replies[0].View);

        Assert.Equal("No team, person or goal matches “quarterly zebra count”.", view.Text);
        Assert.Equal(Role.Rep, world.Status.MinimumRole);
    }
}
