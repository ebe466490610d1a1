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
    public async Task Digest_InADm_PreviewsThisWeeksDigest_PrivatelyToTheLead()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await new DigestCommand(world.Digests, world.Directory).HandleAsync(world.Context("chiba"), "", Ct);

        var only = Assert.Single(reply.Replies);
        Assert.Equal(ReplyVisibility.Private, only.Visibility);
        var view = Assert.IsType<DigestView>(only.View);
        Assert.Equal(new DateOnly(2026, 11, 9), view.WeekStart);
        Assert.StartsWith("Preview — only you see this.", view.Text, StringComparison.Ordinal);
        // 9–10 November so far: aoki answered the 10th only, baba and dan neither day, cato the 9th only (off the 10th).
        Assert.Equal(["1 of 7 working days answered (14 %)"], view.Sections.Single(s => s.Heading == "Participation").Items);
    }

    [Fact]
    public async Task Digest_InTheTeamsLinkedChannel_IsPostedThere_InTheTeamsLanguage()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();
        await world.Directory.LinkAsync(LeadWorld.Channel, "tokyo", "yama", LeadWorld.Now, Ct);

        var reply = await new DigestCommand(world.Digests, world.Directory).HandleAsync(world.Context("chiba", ConversationKind.Channel), "", Ct);

        var only = Assert.Single(reply.Replies);
        Assert.Equal(ReplyVisibility.Conversation, only.Visibility);
        var view = Assert.IsType<DigestView>(only.View);
        Assert.Equal("tokyo", view.TeamId);
        Assert.DoesNotContain("Preview", view.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("プレビュー", view.Text, StringComparison.Ordinal);
        // The team has no locale: the organisation's (ja), as the scheduled digest.
        Assert.Contains("回答率", string.Join("\n", view.Sections.Select(s => s.Heading)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_InAChannelOfAnotherTeamOrOfNone_IsNotPostedThere()
    {
        var world = new LeadWorld();
        await world.Directory.LinkAsync(LeadWorld.Channel, "osaka", "yama", LeadWorld.Now, Ct);
        var digest = new DigestCommand(world.Digests, world.Directory);

        var other = await digest.HandleAsync(world.Context("chiba", ConversationKind.Channel), "", Ct);
        await world.Directory.UnlinkAsync(LeadWorld.Channel, Ct);
        var none = await digest.HandleAsync(world.Context("chiba", ConversationKind.Channel), "", Ct);

        Assert.Equal(
            "This channel receives the digest of osaka; you can post only your own team's digest here.",
            Assert.Single(other.Replies).View.Text);
        Assert.Equal(ReplyVisibility.Private, other.Replies[0].Visibility);
        Assert.Equal(ReplyVisibility.Private, Assert.Single(none.Replies).Visibility);
        Assert.StartsWith("This channel receives no team's digest, so here is a preview only you see.", none.Replies[0].View.Text, StringComparison.Ordinal);
    }
}
