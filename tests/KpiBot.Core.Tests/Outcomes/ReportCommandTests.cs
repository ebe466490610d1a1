using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Rollup;
using KpiBot.Core.Tests.Conversations;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;

namespace KpiBot.Core.Tests.Outcomes;

/// <summary>
/// <c>report</c> in chat, on the sample: the sales lead 佐藤 reports new sales, 田中 (a rep) his own meetings.
/// The clock is Friday 2026-11-27 23:00 in Tokyo.
/// </summary>
public class ReportCommandTests
{
    private readonly InMemoryOutcomes _outcomes = new();
    private readonly ConversationHarness _chat;

    public ReportCommandTests()
    {
        var rollupStore = new InMemoryCheckIns();
        _chat = new ConversationHarness(extraHandlers: [new ReportCommand(new OutcomeService(_outcomes), new RollupService(rollupStore, _outcomes))]);
    }

    [Fact]
    public async Task ALead_ReportsSales_AndTheKgiMoves_WithTheEstimateShown()
    {
        var text = await _chat.TextOfAsync("sato", "report new-sales ¥1,200,000 2026-11-20", "en");

        var entry = Assert.Single(_outcomes.Entries);
        Assert.Equal(("new-sales", null, new DateOnly(2026, 11, 1), 1_200_000m), (entry.NodeId, entry.PersonId, entry.PeriodStart, entry.Value));
        Assert.Equal(
            "Recorded ¥1,200,000 for 新規顧客の売上, November 2026.\n"
            + "新規顧客の売上 now: ¥1,200,000 / ¥60,000,000 (reported · estimate ¥0)\n"
            + "年間売上1億円 now: ¥1,200,000 / ¥100,000,000",
            text);
    }

    [Fact]
    public async Task InJapanese_WithManAndAPartOfTheTitle()
    {
        var text = await _chat.TextOfAsync("sato", "実績 新規 120万");

        Assert.Equal(1_200_000m, Assert.Single(_outcomes.Entries).Value);
        Assert.StartsWith("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARep_ReportsTheirOwnMeetings_ButNotTheLeadsSales()
    {
        var own = await _chat.TextOfAsync("tanaka", "report meetings 3", "en");
        var sales = await _chat.SayAsync("tanaka", "report new-sales 1000000", "en");

        var entry = Assert.Single(_outcomes.Entries);
        Assert.Equal(("meetings", "tanaka", new DateOnly(2026, 11, 23), 3m), (entry.NodeId, entry.PersonId, entry.PeriodStart, entry.Value));
        Assert.StartsWith("Recorded 3 meetings for 商談 30件/月, the week of 2026-11-23.", own, StringComparison.Ordinal);
        var refusal = Assert.IsType<ErrorView>(Assert.Single(sales.Replies).View);
        Assert.Equal("新規顧客の売上 is reported by the leads of 営業部.", refusal.Text);
    }

    [Theory]
    [InlineData("report", "meetings (商談 30件/月), new-sales (新規顧客の売上), repeat-orders (リピート受注), repeat-sales (既存顧客の売上)")]
    [InlineData("report sales 1000", "'sales' could be new-sales (新規顧客の売上), repeat-sales (既存顧客の売上)")]
    [InlineData("report new-sales lots", "'lots' is not an amount")]
    [InlineData("report new-sales 1000 2026-12-25", "is in the future")]
    [InlineData("report daily-calls 10", "takes no reported actual")]
    [InlineData("report nothing 10", "There is no KGI or KPI 'nothing'")]
    public async Task BadInput_GetsAClearMessage_AndStoresNothing(string text, string words)
    {
        var reply = await _chat.SayAsync("sato", text, "en");

        var error = Assert.IsType<ErrorView>(Assert.Single(reply.Replies).View).Text;
        Assert.True(error.Contains(words, StringComparison.Ordinal), error);
        Assert.Empty(_outcomes.Entries);
    }

    [Fact]
    public async Task AnImplausibleAmount_AsksForConfirmation_ThenRecords()
    {
        var ask = await _chat.SayAsync("sato", "report new-sales 700,000,000", "en");
        var confirm = Assert.IsType<ConfirmView>(Assert.Single(ask.Replies).View);
        Assert.Empty(_outcomes.Entries);

        await _chat.SayAsync("sato", confirm.ConfirmCommand, "en");

        Assert.Equal(700_000_000m, Assert.Single(_outcomes.Entries).Value);
    }
}
