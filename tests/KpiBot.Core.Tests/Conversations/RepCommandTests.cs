using KpiBot.Core.CheckIns;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

public class RepCommandTests
{
    [Fact]
    public async Task CheckIn_OpensTodaysDailyAndWeeklyCards_AsPrivateReplies()
    {
        var harness = new ConversationHarness();

        var reply = await harness.SayAsync("tanaka", "checkin");

        var cards = reply.Replies.Select(r => Assert.IsType<CheckInPromptView>(r.View)).ToList();
        Assert.Equal(["DailyPrompt:tanaka:2026-11-27", "WeeklyPrompt:tanaka:2026-11-23"], cards.Select(c => c.OccurrenceKey));
        Assert.All(reply.Replies, r => Assert.Equal(KpiBot.Core.Conversations.ReplyVisibility.Private, r.Visibility));
    }

    [Fact]
    public async Task CheckIn_Yesterday_IsTheLastWorkingDayBefore_AcrossAHolidayWeekend()
    {
        // Tuesday 24 November 2026, noon in Tokyo; Monday the 23rd is 勤労感謝の日.
        var harness = new ConversationHarness(now: new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));

        var reply = await harness.SayAsync("tanaka", "checkin 昨日");

        Assert.Equal(new DateOnly(2026, 11, 20), Assert.IsType<CheckInPromptView>(reply.Replies[0].View).WorkDay);
    }

    [Fact]
    public async Task CheckIn_ADate_OpensThatDaysCard()
    {
        var harness = new ConversationHarness();

        var reply = await harness.SayAsync("emily", "checkin 2026/11/26");

        var card = Assert.IsType<CheckInPromptView>(reply.Replies[0].View);
        Assert.Equal(new DateOnly(2026, 11, 26), card.WorkDay);
        Assert.Equal("Check-in for Thu 26 Nov", card.Title);
    }

    [Theory]
    [InlineData("checkin 2026-12-01", "12月1日（火）はまだ先の日付です。記録できるのは今日（11月27日（金））までです。")]
    [InlineData("checkin banana", "「banana」を日付として読み取れません。today、yesterday、または 2026-11-26 のような日付で指定してください。")]
    public async Task CheckIn_AFutureOrUnreadableDay_IsRefused(string text, string message)
    {
        var harness = new ConversationHarness();

        var view = Assert.IsType<ErrorView>(Assert.Single((await harness.SayAsync("tanaka", text)).Replies).View);

        Assert.Equal(message, view.Text);
    }

    [Fact]
    public async Task CheckIn_WithNothingToRecord_SaysSo()
    {
        var harness = new ConversationHarness();

        Assert.Equal("11月27日（金）に記録する KDI はありません。", await harness.TextOfAsync("kato", "checkin"));
    }

    [Fact]
    public async Task Edit_OpensThatDaysCardWithTheRecordedValues()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("tanaka", "daily-calls", Friday.AddDays(-1), 25m);

        var reply = await harness.SayAsync("tanaka", "修正 2026-11-26");

        var card = Assert.IsType<CheckInPromptView>(reply.Replies[0].View);
        Assert.Equal(1, card.CardVersion);
        Assert.Equal([25m, null], card.Lines.Select(l => l.CurrentValue));
    }

    [Fact]
    public async Task Skip_MarksTodaySkipped_WithTheReason()
    {
        var harness = new ConversationHarness();

        var text = await harness.TextOfAsync("tanaka", "skip 体調不良のため");

        Assert.Equal("11月27日（金）はスキップしました。\n理由：体調不良のため", text);
        var states = await harness.Store.StatesAsync(["tanaka"], Friday, CancellationToken.None);
        Assert.Equal(DayState.Skipped, states["tanaka"]);
    }

    [Fact]
    public async Task Skip_WithoutReason_WhenAlreadyAnswered_IsRefused()
    {
        var harness = new ConversationHarness();
        Assert.Equal("Skipped Fri 27 Nov.", await harness.TextOfAsync("emily", "skip"));

        await harness.RecordAsync("suzuki", "daily-calls", Friday, 10m);
        Assert.Equal("11月27日（金）は回答済みです。数字を変えるときは「edit」を使ってください。", await harness.TextOfAsync("suzuki", "スキップ"));
    }

    [Fact]
    public async Task Same_RecordsTheLastAnsweredDaysValuesForToday()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("emily", "daily-calls", new DateOnly(2026, 11, 20), 31m);   // last week; nothing since
        await harness.RecordAsync("emily", "sns-posts", new DateOnly(2026, 11, 23), 1m);       // a weekly value is not copied

        var text = await harness.TextOfAsync("emily", "same");

        Assert.Equal("Saved for Fri 27 Nov: 架電数/日: 31 calls (target 20 calls)", text);
        Assert.Equal(31m, harness.ValueOf("emily", "daily-calls", Friday));
        Assert.Null(harness.ValueOf("emily", "intro-emails", Friday));
    }

    [Fact]
    public async Task Same_WithNothingBefore_OrAfterAnswering_IsRefused()
    {
        var harness = new ConversationHarness();

        Assert.Equal("コピーできる前回の回答がまだありません。カードに数字を入力してください。", await harness.TextOfAsync("tanaka", "same"));
        await harness.RecordAsync("tanaka", "daily-calls", Friday, 5m);
        Assert.Equal("11月27日（金）は回答済みです。数字を変えるときは「edit」を使ってください。", await harness.TextOfAsync("tanaka", "同じ"));
    }

    [Fact]
    public async Task Off_ARange_RecordsEveryDay_AndCountsTheWorkingDays()
    {
        var harness = new ConversationHarness();

        var text = await harness.TextOfAsync("tanaka", "off 2026-12-24..2027-01-03 帰省");

        // Working days: 24, 25, 28 December; 29–31 are the team's closing days, 1 January a holiday, 2–3 a weekend.
        Assert.Equal("休暇を登録しました：2026年12月24日〜2027年1月3日（営業日 3 日）。", text);
        var off = await harness.Store.TimeOffAsync(["tanaka"], new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31), CancellationToken.None);
        Assert.Equal(11, off["tanaka"].Count);
    }

    [Theory]
    [InlineData("off 2026-12-24", "Time off recorded: Thu 24 Dec 2026.")]
    [InlineData("off 2026-12-24 〜 2026-12-25", "Time off recorded: Thu 24 Dec 2026 to Fri 25 Dec 2026 (2 working days).")]
    [InlineData("off ２０２６－１２－２４～２０２６－１２－２５", "Time off recorded: Thu 24 Dec 2026 to Fri 25 Dec 2026 (2 working days).")]
    [InlineData("off 2026-12-24 2026-12-25 family", "Time off recorded: Thu 24 Dec 2026 to Fri 25 Dec 2026 (2 working days).")]
    [InlineData("off 2026-12-01..2027-01-29", "Time off recorded: Tue 1 Dec 2026 to Fri 29 Jan 2027 (38 working days).")]
    public async Task Off_AcceptsOneDayOrARange_WrittenSeveralWays(string command, string expected)
    {
        var harness = new ConversationHarness();

        Assert.Equal(expected, await harness.TextOfAsync("emily", command));
    }

    [Theory]
    [InlineData("off", "Which days? Write off 2026-12-24, or off 2026-12-24..2027-01-03 for a range.")]
    [InlineData("off 12/24", "I can't read '12/24' as days off. Write off 2026-12-24, or off 2026-12-24..2027-01-03 for a range.")]
    [InlineData("off 2026-12-24..2027-13-01", "I can't read '2026-12-24..2027-13-01' as days off. Write off 2026-12-24, or off 2026-12-24..2027-01-03 for a range.")]
    [InlineData("off 2026-12-24..", "I can't read '2026-12-24..' as days off. Write off 2026-12-24, or off 2026-12-24..2027-01-03 for a range.")]
    [InlineData("off 2027-01-03..2026-12-24", "The range ends (2026-12-24) before it starts (2027-01-03). Write the first day first.")]
    [InlineData("off 2026-12-01..2027-01-30", "That is 61 days; time off can be recorded for at most 60 days at a time. Please split it into shorter ranges.")]
    public async Task Off_MalformedReversedOrTooLongRanges_AreRefused_AndNothingIsRecorded(string command, string expected)
    {
        var harness = new ConversationHarness();

        var view = Assert.IsType<ErrorView>(Assert.Single((await harness.SayAsync("emily", command)).Replies).View);

        Assert.Equal(expected, view.Text);
        Assert.Empty(await harness.Store.TimeOffAsync(["emily"], new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), CancellationToken.None));
    }

    [Fact]
    public async Task Off_InJapanese_TooLong()
    {
        var harness = new ConversationHarness();

        Assert.Equal(
            "61 日間は長すぎます。一度に登録できる休暇は 60 日までです。期間を分けて登録してください。",
            await harness.TextOfAsync("tanaka", "休み 2026-12-01..2027-01-30"));
    }
}
