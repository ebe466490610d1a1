using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

public class CheckInPromptsTests
{
    [Fact]
    public async Task Build_DailyCard_ListsTheTeamsDailyKdis_WithTheirTargets_InJapanese()
    {
        var harness = new ConversationHarness();

        var card = await harness.CardAsync("tanaka", Friday);

        Assert.Equal("11月27日（金）のチェックイン", card.Title);
        Assert.Equal("DailyPrompt:tanaka:2026-11-27", card.OccurrenceKey);
        Assert.Equal(Friday, card.WorkDay);
        Assert.Equal(0, card.CardVersion);
        Assert.Equal(["daily-calls", "intro-emails"], card.Lines.Select(l => l.KdiId));
        Assert.Equal([20m, 3m], card.Lines.Select(l => l.Target));
        Assert.All(card.Lines, l => Assert.Null(l.CurrentValue));
        Assert.Equal(
            "11月27日（金）のチェックイン\n• 架電数/日（目標 20件）\n• 新規紹介メール/日（目標 3通）\n"
            + "カードに数字を入力してください。「skip」「same」「help」と入力することもできます。\n"
            + "12月2日（水）まで回答・修正できます。",
            card.Text);
        Assert.Equal("送信", card.Labels.Submit);
    }

    [Fact]
    public async Task Build_ReopenedCard_ShowsTheRecordedValues_AndTheHighestRevisionAsVersion()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("tanaka", "daily-calls", Friday, 25m);
        await harness.RecordAsync("tanaka", "daily-calls", Friday, 27m);     // revision 2
        await harness.RecordAsync("tanaka", "intro-emails", Friday, 3m);     // revision 1
        await harness.RecordAsync("tanaka", "daily-calls", Friday.AddDays(-1), 40m);

        var card = await harness.CardAsync("tanaka", Friday);

        Assert.Equal(2, card.CardVersion);
        Assert.Equal([27m, 3m], card.Lines.Select(l => l.CurrentValue));
        Assert.Contains("• 架電数/日（目標 20件）　記録済み：27件\n", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WeeklyCard_IsKeyedByTheWeeksFirstDay_InEnglishForEmily()
    {
        var harness = new ConversationHarness();

        var card = await harness.CardAsync("emily", Friday, KdiCadence.Weekly);

        Assert.Equal(new DateOnly(2026, 11, 23), card.WorkDay);
        Assert.Equal("WeeklyPrompt:emily:2026-11-23", card.OccurrenceKey);
        Assert.Equal("Weekly check-in for the week of Mon 23 Nov", card.Title);
        Assert.Equal(["SNS投稿 2回/週 (target 2 posts)", "フォローメール (target 5 emails)"], card.Lines.Select(l => l.Label));
        Assert.Equal("Submit", card.Labels.Submit);
    }

    [Fact]
    public async Task Build_TeamKdi_ShowsThePersonsShareOfTheTeamTarget()
    {
        var harness = new ConversationHarness(now: new DateTimeOffset(2027, 1, 6, 1, 0, 0, TimeSpan.Zero));

        var card = await harness.CardAsync("kato", new DateOnly(2027, 1, 6));

        var line = Assert.Single(card.Lines);
        Assert.Equal(250m / 3, line.Target);                 // 250 a day for the team, 3 reps: the exact share stays in the view
        Assert.Equal("83件", line.TargetText);           // and is shown in whole calls (was "83.33 calls")
    }

    [Fact]
    public async Task Build_NoKdiOfThatCadenceRunningThatDay_IsNull()
    {
        var harness = new ConversationHarness();
        var kato = harness.Model.PeopleById["kato"];

        // The telemarketing goal runs from 2027-01-05; the team has no weekly KDI at all.
        Assert.Null(await harness.Prompts.BuildAsync(harness.Model, kato, Friday, KdiCadence.Daily, "k", Localized.Japanese, CancellationToken.None));
        Assert.Null(await harness.Prompts.BuildAsync(
            harness.Model, kato, new DateOnly(2027, 1, 6), KdiCadence.Weekly, "k", Localized.Japanese, CancellationToken.None));
    }
}
