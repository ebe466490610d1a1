using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

/// <summary>
/// The response window (the team's <c>checkin.response_window</c>, 3 working days by default). Today is Friday
/// 27 November 2026 in Tokyo; Monday the 23rd is a holiday (勤労感謝の日), so Friday the 20th's card stayed open
/// until Thursday the 26th (24, 25, 26) and is closed now, while Tuesday the 24th's is open until today.
/// </summary>
public class ResponseWindowTests
{
    private static readonly DateOnly Nov20 = new(2026, 11, 20);
    private static readonly DateOnly Nov24 = new(2026, 11, 24);

    private static Dictionary<string, string?> Values(params (string Kdi, string? Value)[] values) =>
        values.ToDictionary(v => v.Kdi, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void LastOpenDay_CountsWorkingDaysAfterTheCardsDay_AWeeklyCardFromItsWeeksEnd()
    {
        var tanaka = Sample.PeopleById["tanaka"];

        Assert.Equal(new DateOnly(2026, 11, 26), ResponseWindow.LastOpenDay(Sample, tanaka, KdiCadence.Daily, Nov20));
        Assert.Equal(new DateOnly(2026, 12, 2), ResponseWindow.LastOpenDay(Sample, tanaka, KdiCadence.Daily, Friday));
        // The week of Monday the 23rd ends on Sunday the 29th: open until Wednesday 2 December.
        Assert.Equal(new DateOnly(2026, 12, 2), ResponseWindow.LastOpenDay(Sample, tanaka, KdiCadence.Weekly, new DateOnly(2026, 11, 23)));
        Assert.False(ResponseWindow.IsOpen(Sample, tanaka, KdiCadence.Weekly, new DateOnly(2026, 11, 16), Friday));
    }

    [Fact]
    public async Task Submit_ForADayPastTheWindow_IsRefused_AndNothingIsSaved()
    {
        var harness = new ConversationHarness();
        var old = await harness.CardAsync("tanaka", Nov20);
        var open = await harness.CardAsync("tanaka", Nov24);

        var refused = await harness.SubmitAsync("tanaka", old, Values(("daily-calls", "20")));
        var saved = await harness.SubmitAsync("tanaka", open, Values(("daily-calls", "21")));

        var error = Assert.IsType<ErrorView>(Assert.Single(refused.Replies).View);
        Assert.Equal("11月20日（金）の分は締め切りました（回答・修正はその日から3営業日後まで）。入力が必要なときは管理者に依頼してください。", error.Text);
        Assert.Null(refused.CardUpdate);
        Assert.Null(harness.ValueOf("tanaka", "daily-calls", Nov20));
        Assert.IsType<CheckInReceiptView>(saved.CardUpdate);
        Assert.Equal(21m, harness.ValueOf("tanaka", "daily-calls", Nov24));
    }

    [Fact]
    public async Task CheckInEditSkipAndSame_ForAClosedDay_AreRefusedInTheReadersLanguage()
    {
        var harness = new ConversationHarness();
        const string closed = "Fri 20 Nov is closed: answers can be given or changed until 3 working days after the day. If it must be entered, ask an admin.";

        Assert.Equal(closed, await harness.TextOfAsync("emily", "checkin 2026-11-20"));
        Assert.Equal(closed, await harness.TextOfAsync("emily", "edit 2026-11-20"));
        var card = await harness.CardAsync("emily", Nov20);
        Assert.Equal(closed, Assert.Single((await harness.SubmitAsync("emily", card, Values(), action: CardAction.Skip)).Replies).View.Text);
        Assert.Equal(closed, Assert.Single((await harness.SubmitAsync("emily", card, Values(), action: CardAction.Same)).Replies).View.Text);
        Assert.IsType<CheckInPromptView>((await harness.SayAsync("emily", "checkin 2026-11-24")).Replies[0].View);
    }

    [Fact]
    public async Task TheCard_SaysUntilWhenItCanBeAnswered()
    {
        var harness = new ConversationHarness();

        var card = await harness.CardAsync("tanaka", Friday);
        var english = await harness.CardAsync("emily", Friday);

        Assert.Equal("12月2日（水）まで回答・修正できます。", card.OpenUntilText);
        Assert.EndsWith("\n12月2日（水）まで回答・修正できます。", card.Text, StringComparison.Ordinal);
        Assert.Equal("You can answer or change this until Wed 2 Dec.", english.OpenUntilText);
    }

    [Fact]
    public async Task AWindowOfZero_KeepsOnlyTheDayItselfOpen()
    {
        var teams = Sample.Teams.Select(t => t with { Schedule = t.ScheduleOrDefault with { ResponseWindow = 0 } });
        var model = new GoalsModel(Sample.Organization, teams, Sample.People, Sample.Kgis, Sample.Ksfs, Sample.Kpis, Sample.Kdis);
        var harness = new ConversationHarness(model);

        var yesterday = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", new DateOnly(2026, 11, 26)), Values(("daily-calls", "5")));
        var today = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(("daily-calls", "5")));

        Assert.IsType<ErrorView>(Assert.Single(yesterday.Replies).View);
        Assert.IsType<CheckInReceiptView>(today.CardUpdate);
        Assert.Equal("11月27日（金）まで回答・修正できます。", (await harness.CardAsync("tanaka", Friday)).OpenUntilText);
    }
}
