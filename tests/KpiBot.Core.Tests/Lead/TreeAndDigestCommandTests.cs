using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class TreeAndDigestCommandTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Tree_ForARep_ShowsTeamTotalsOnly()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await new TreeCommand(world.Rollup, world.CheckIns).HandleAsync(world.Context("aoki", ConversationKind.Channel), "", Ct);

        var view = Assert.IsType<TreeView>(Assert.Single(reply.Replies).View);
        Assert.Equal("KPI tree — tokyo", view.Title);
        Assert.Equal("111 calls / 750 calls in November", view.Lines.Single(l => l.NodeId == "calls").FiguresText);
        Assert.DoesNotContain(view.Lines, l => l.NodeId == "visit-count");
        Assert.DoesNotContain("aoki", view.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("66", view.Text, StringComparison.Ordinal);   // aoki's own 66 calls
    }

    [Fact]
    public async Task Tree_ForAnAdmin_TakesATeam()
    {
        var world = new LeadWorld();

        var reply = await new TreeCommand(world.Rollup, world.CheckIns).HandleAsync(world.Context("yama"), "osaka", Ct);

        var view = Assert.IsType<TreeView>(reply.Replies[0].View);
        Assert.Contains(view.Lines, l => l.NodeId == "visit-count");
        Assert.DoesNotContain(view.Lines, l => l.NodeId == "calls");
    }

    [Fact]
    public async Task Digest_PreviewsThisWeeksDigest_PrivatelyToTheLead()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await new DigestCommand(world.Digests).HandleAsync(world.Context("chiba", ConversationKind.Channel), "", Ct);

        var only = Assert.Single(reply.Replies);
        Assert.Equal(ReplyVisibility.Private, only.Visibility);
        var view = Assert.IsType<DigestView>(only.View);
        Assert.Equal(new DateOnly(2026, 11, 9), view.WeekStart);
        Assert.StartsWith("Preview — only you see this.", view.Text, StringComparison.Ordinal);
        // 9–10 November so far: aoki answered the 10th only, baba and dan neither day, cato the 9th only (off the 10th).
        Assert.Equal(["1 of 7 working days answered (14 %)"], view.Sections.Single(s => s.Heading == "Participation").Items);
    }
}
