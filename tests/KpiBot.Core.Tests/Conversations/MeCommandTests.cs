using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

/// <summary>
/// <c>me</c> for Tanaka on Friday 27 November 2026. The week of 23 November has 4 working days (the 23rd is
/// 勤労感謝の日); November has 19, 18 of them up to the 27th, so 1 (the 30th) is left.
/// </summary>
public class MeCommandTests
{
    private static async Task<ConversationHarness> TanakasWeekAsync()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("tanaka", "daily-calls", new DateOnly(2026, 11, 19), 0m);   // answered, but a skip below breaks the run
        await harness.Store.SkipAsync("tanaka", new DateOnly(2026, 11, 18), "sick", harness.Time.GetUtcNow(), CancellationToken.None);
        await harness.RecordAsync("tanaka", "daily-calls", new DateOnly(2026, 11, 20), 30m);
        await harness.RecordAsync("tanaka", "sns-posts", new DateOnly(2026, 11, 23), 1m);     // the weekly card's day, a holiday
        await harness.RecordAsync("tanaka", "daily-calls", new DateOnly(2026, 11, 24), 18m);
        await harness.RecordAsync("tanaka", "daily-calls", new DateOnly(2026, 11, 25), 22m);
        await harness.RecordAsync("tanaka", "daily-calls", new DateOnly(2026, 11, 26), 25m);
        await harness.RecordAsync("tanaka", "intro-emails", new DateOnly(2026, 11, 26), 3m);
        await harness.RecordAsync("tanaka", "daily-calls", Friday, 27m);
        await harness.RecordAsync("tanaka", "intro-emails", Friday, 2m);
        await harness.RecordAsync("suzuki", "daily-calls", Friday, 99m);                       // someone else's numbers stay out
        return harness;
    }

    [Fact]
    public async Task Me_ShowsTodayThisWeekTheStreakAndTheNeededRate_HandComputed()
    {
        var harness = await TanakasWeekAsync();

        var view = Assert.IsType<PersonalProgressView>(Assert.Single((await harness.SayAsync("tanaka", "me")).Replies).View);

        Assert.Equal("田中 健太さんの進捗（11月27日（金）時点）", view.Title);
        // Week: calls 18+22+25+27 = 92 of 20×4 = 80; emails 3+2 = 5 of 3×4 = 12; posts 1 of 2×4÷5 = 1.6; follow-ups 0 of 5×4÷5 = 4.
        // Streak: 27, 26, 25, 24 answered; 23 (holiday), 22, 21 (weekend) passed over; 20 answered; 19 answered; 18 skipped → 6.
        // Month: calls 380 − (30+0+92) = 258 over 1 day; emails 57 − 5 = 52; posts 7.6 − 1 = 6.6 (shown whole, rounded up: 7); follow-ups 19.
        // Counts are shown whole (1.6 posts → 2); the percentage comes from the exact values (1 ÷ 1.6 = 63 %).
        Assert.Equal(
            "田中 健太さんの進捗（11月27日（金）時点）\n\n"
            + "今日\n• 架電数/日：27 / 20件\n• 新規紹介メール/日：2 / 3通\n\n"
            + "今週\n• 架電数/日：92 / 80件（115 %）\n• 新規紹介メール/日：5 / 12通（42 %）\n"
            + "• SNS投稿 2回/週：1 / 2回（63 %）\n• フォローメール：0 / 4通（0 %）\n\n"
            + "連続回答\n• 6 営業日連続で回答しています\n\n"
            + "今月の残りの営業日に 1 日あたり必要な数\n• 架電数/日：258件\n• 新規紹介メール/日：52通\n"
            + "• SNS投稿 2回/週：7回\n• フォローメール：19通",
            view.Text);
        Assert.Equal(["daily-calls", "intro-emails", "sns-posts", "follow-up-emails"], view.Lines.Select(l => l.NodeId));
        Assert.Equal(92m / 80m, view.Lines[0].Fraction);
        Assert.Equal(ProgressStatus.OnTrack, view.Lines[0].Status);
        Assert.Equal("27 / 20件", view.Lines[0].Detail);
    }

    [Fact]
    public async Task Me_TimeOffOnTheLastWorkingDay_LeavesNoDaysToNeed_AndLowersTheWeekTarget()
    {
        var harness = await TanakasWeekAsync();
        await harness.SayAsync("tanaka", "off 2026-11-30");
        await harness.SayAsync("tanaka", "off 2026-11-25");

        var view = Assert.IsType<PersonalProgressView>(Assert.Single((await harness.SayAsync("tanaka", "me", "en")).Replies).View);

        // 25 November off: the week asks 20 × 3 = 60 calls; with the 30th off no working day is left this month.
        Assert.Equal("Your progress, 田中 健太 — Fri 27 Nov", view.Title);
        Assert.Equal("架電数/日: 92 / 60 calls (153 %)", view.Sections.Single(s => s.Heading == "This week").Items[0]);
        Assert.All(
            view.Sections.Single(s => s.Heading == "Needed per working day for the rest of the month").Items,
            item => Assert.EndsWith(": no working days left this month", item, StringComparison.Ordinal));
        Assert.Equal("6 working days answered in a row", view.Sections.Single(s => s.Heading == "Streak").Items[0]);
    }

    [Fact]
    public async Task Me_WithNoKdiRunning_SaysSo()
    {
        var harness = new ConversationHarness();

        Assert.Equal("いま記録する KDI はありません。", await harness.TextOfAsync("kato", "自分"));
    }
}
