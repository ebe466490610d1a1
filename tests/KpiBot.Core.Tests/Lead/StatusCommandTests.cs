using KpiBot.Core.Conversations;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class StatusCommandTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Status_InDm_ShowsTreeBehindMissingAndBlockers_WithHandComputedNumbers()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await world.Status.HandleAsync(world.Context("chiba"), "", Ct);

        var view = Assert.IsType<StatusView>(Assert.Single(reply.Replies).View);
        Assert.Equal(ReplyVisibility.Conversation, reply.Replies[0].Visibility);
        Assert.Equal("Status — tokyo", view.Title);
        // Targets: 10 a day × 19 working days = 190 each, cato 180 (off on the 10th): 750. Expected 750 × 6 ÷ 19 = 236.84,
        // actual 111: pace 0.47, off-track. Needed (750 − 111) ÷ 13 working days left = 49.15 a day.
        var calls = view.Lines.Single(l => l.NodeId == "calls");
        Assert.Equal("111 calls / 750 calls in November", calls.FiguresText);
        Assert.Equal(ProgressStatus.OffTrack, calls.Status);
        Assert.Equal(3, calls.Depth);
        Assert.Equal(["Phone calls: 111 calls / 750 calls in November (off-track) — needs 50 calls per working day"], view.Sections[0].Items);
        // aoki answered today, cato is off; baba has not answered; dan has not and cannot be reached.
        Assert.Equal("Not answered today", view.Sections[1].Heading);
        Assert.Equal(["baba", "dan (unreachable)"], view.Sections[1].Items);
        Assert.Equal(["baba — customer list missing (since Mon 9 Nov)"], view.Sections[2].Items);
        Assert.Contains("dan (unreachable)", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InChannel_ShowsTotalsPublicly_AndNamesOnlyPrivately()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await world.Status.HandleAsync(world.Context("chiba", ConversationKind.Channel), "", Ct);

        Assert.Equal(2, reply.Replies.Count);
        var shared = Assert.IsType<StatusView>(reply.Replies[0].View);
        Assert.Equal(ReplyVisibility.Conversation, reply.Replies[0].Visibility);
        Assert.Equal(["2 (names sent to you privately)"], shared.Sections[1].Items);
        Assert.Equal(["1 (names sent to you privately)"], shared.Sections[2].Items);
        Assert.DoesNotContain("baba", shared.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dan", shared.Text, StringComparison.Ordinal);

        var details = Assert.IsType<StatusView>(reply.Replies[1].View);
        Assert.Equal(ReplyVisibility.Private, reply.Replies[1].Visibility);
        Assert.Equal(["baba", "dan (unreachable)"], details.Sections[0].Items);
        Assert.Contains("baba — customer list missing", details.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InJapanese_UsesJapaneseHeadingsAndStatusWords()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await world.Status.HandleAsync(world.Context("chiba", culture: Localized.Japanese), "", Ct);

        var view = Assert.IsType<StatusView>(Assert.Single(reply.Replies).View);
        Assert.Equal("進捗 — tokyo", view.Title);
        Assert.Equal("遅れているKDI", view.Sections[0].Heading);
        Assert.Equal(["Phone calls: 11月 111 calls / 750 calls（遅れ）— 残りの稼働日1日あたり 50 calls 必要"], view.Sections[0].Items);
        Assert.Equal(["baba", "dan（連絡不可）"], view.Sections[1].Items);
        Assert.Equal(["baba — customer list missing：11月9日（月）から"], view.Sections[2].Items);
    }

    [Fact]
    public async Task Status_WhenEveryoneAnswered_ListsNone()
    {
        var world = new LeadWorld();
        foreach (var rep in new[] { "aoki", "baba", "cato", "dan" })
        {
            await world.Record(rep, LeadWorld.Today, 10m);
        }

        var view = Assert.IsType<StatusView>((await world.Status.HandleAsync(world.Context("chiba"), "", Ct)).Replies[0].View);

        Assert.Equal(["none"], view.Sections[1].Items);
        Assert.Equal(["none"], view.Sections[2].Items);
    }

    [Fact]
    public async Task Status_ForAPerson_ShowsTheirKdiFigures_PrivatelyInAChannel()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var reply = await world.Status.HandleAsync(world.Context("chiba", ConversationKind.Channel), "@aoki", Ct);

        var only = Assert.Single(reply.Replies);
        Assert.Equal(ReplyVisibility.Private, only.Visibility);
        var view = Assert.IsType<PersonalProgressView>(only.View);
        Assert.Equal("Progress — aoki", view.Title);
        var calls = view.Lines.Single(l => l.NodeId == "calls");
        Assert.Equal("66 calls / 190 calls in November", calls.FiguresText);      // 30 + 26 + 10; 10 × 19
        Assert.Equal(ProgressStatus.OnTrack, calls.Status);             // expected 60: pace 1.1
        Assert.Equal(["answered"], view.Sections[0].Items);
    }

    [Theory]
    [InlineData("aoki@example.com")]
    [InlineData("aoki")]
    [InlineData("<@UAOKI1>")]
    [InlineData("<@UAOKI1|aoki>")]
    [InlineData("<at>aoki</at>")]
    public async Task Status_FindsAPersonByEmailIdOrMention(string argument)
    {
        var world = new LeadWorld();
        await world.Directory.LinkAsync(new Chat.ChatUser(Chat.Platforms.Slack, "T1", "UAOKI1"), "aoki", LeadWorld.Now, Ct);

        var reply = await world.Status.HandleAsync(world.Context("chiba"), argument, Ct);

        Assert.Equal("Progress — aoki", Assert.IsType<PersonalProgressView>(reply.Replies[0].View).Title);
    }

    [Fact]
    public async Task Status_ForAPersonOff_SaysOffAndTheirTargetLeavesTheDayOut()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();

        var view = Assert.IsType<PersonalProgressView>((await world.Status.HandleAsync(world.Context("chiba"), "cato", Ct)).Replies[0].View);

        Assert.Equal("0 calls / 180 calls in November", view.Lines.Single(l => l.NodeId == "calls").FiguresText);
        Assert.Equal(["off"], view.Sections[0].Items);
    }
}
