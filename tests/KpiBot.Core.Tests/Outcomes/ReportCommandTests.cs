using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
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
    private readonly ConversationService _forms;

    public ReportCommandTests()
    {
        var rollupStore = new InMemoryCheckIns();
        var outcomes = new OutcomeService(_outcomes);
        var rollup = new RollupService(rollupStore, _outcomes);
        _chat = new ConversationHarness(extraHandlers: [new ReportCommand(outcomes, rollup)]);
        _forms = new ConversationService(
            _chat.Goals, _chat.ChatDirectory, [new ReportCommand(outcomes, rollup)], _chat.Cards, _chat.Time, _chat.Prompts,
            new ReportForms(outcomes, rollup));
    }

    private Task<ChatReply> SubmitAsync(string personId, string? goal, string? amount, DateOnly? day = null, string? note = null, string locale = "en") =>
        _forms.HandleAsync(
            new ReportSubmission(ConversationHarness.UserOf(personId), ConversationHarness.DmOf(personId), ConversationKind.Personal,
                goal, amount, day, note, Locale: locale),
            CancellationToken.None);

    [Fact]
    public async Task ALead_ReportsSales_AndTheKgiMoves_WithTheEstimateShown()
    {
        var text = await _chat.TextOfAsync("sato", "report new-sales ¥1,200,000 2026-11-20", "en");

        var entry = Assert.Single(_outcomes.Entries);
        Assert.Equal(("new-sales", null, new DateOnly(2026, 11, 1), 1_200_000m), (entry.NodeId, entry.PersonId, entry.PeriodStart, entry.Value));
        Assert.Equal(
            "Recorded ¥1,200,000 for 新規顧客の売上, November 2026.\n"
            + "新規顧客の売上 now: ¥1,200,000 / ¥60,000,000 in Apr 2026 – Mar 2027 (reported · estimate ¥0)\n"
            + "年間売上1億円 now: ¥1,200,000 / ¥100,000,000 to date, due 31 Mar 2027",
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
    [InlineData("report sales", "'sales' could be new-sales (新規顧客の売上), repeat-sales (既存顧客の売上)")]
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

    [Fact]
    public async Task ReportAlone_ShowsTheForm_WithTheGoalsThePersonMayReport()
    {
        var lead = Assert.IsType<ReportFormView>(Assert.Single((await _chat.SayAsync("sato", "report", "en")).Replies).View);
        var rep = Assert.IsType<ReportFormView>(Assert.Single((await _chat.SayAsync("tanaka", "実績")).Replies).View);
        var chosen = Assert.IsType<ReportFormView>(Assert.Single((await _chat.SayAsync("sato", "report new-sales", "en")).Replies).View);

        Assert.Equal(
            [("meetings", "商談 30件/月 (weekly)"), ("new-sales", "新規顧客の売上 (monthly)"), ("repeat-orders", "リピート受注 (monthly)"), ("repeat-sales", "既存顧客の売上 (monthly)")],
            lead.Goals.Select(g => (g.NodeId, g.Label)));
        Assert.Equal((null, ConversationHarness.Friday), (lead.Selected, lead.Day));
        Assert.Contains("report <goal> <amount> [date]", lead.Text, StringComparison.Ordinal);
        Assert.Equal(("実績を報告", "meetings", "商談 30件/月（毎週）"), (rep.Title, rep.Selected, Assert.Single(rep.Goals).Label));
        Assert.Equal("new-sales", chosen.Selected);
        Assert.Empty(_outcomes.Entries);
    }

    [Fact]
    public async Task TheFormSubmitted_RecordsLikeText_AndAnswersWithTheReceipt()
    {
        var reply = await SubmitAsync("sato", "new-sales", "¥1,200,000", new DateOnly(2026, 11, 20), " first deals ");

        var text = Assert.IsType<MessageView>(Assert.Single(reply.Replies).View).Text;
        Assert.StartsWith("Recorded ¥1,200,000 for 新規顧客の売上, November 2026.", text, StringComparison.Ordinal);
        var entry = Assert.Single(_outcomes.Entries);
        Assert.Equal(("new-sales", new DateOnly(2026, 11, 1), 1_200_000m, "first deals"), (entry.NodeId, entry.PeriodStart, entry.Value, entry.Note));
    }

    [Theory]
    [InlineData(null, "100", null, "goal", "Choose the goal")]
    [InlineData("nothing", "100", null, "goal", "There is no KGI or KPI 'nothing'")]
    [InlineData("new-sales", " ", null, "amount", "Write the result")]
    [InlineData("new-sales", "lots", null, "amount", "'lots' is not an amount")]
    [InlineData("new-sales", "-5", null, "amount", "0 or more")]
    [InlineData("new-sales", "100", "2026-12-25", "day", "in the future")]
    [InlineData("meetings", "3", null, "goal", "is reported by")]
    public async Task TheFormSubmitted_WithBadInput_NamesTheField_AndStoresNothing(string? goal, string amount, string? day, string field, string words)
    {
        var reply = await SubmitAsync(goal == "meetings" ? "john" : "sato", goal, amount, day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.IsType<ErrorView>(Assert.Single(reply.Replies).View);
        Assert.Equal(field, error.FieldKey);
        Assert.True(error.Text.Contains(words, StringComparison.Ordinal), error.Text);
        Assert.Empty(_outcomes.Entries);
    }

    [Fact]
    public async Task TheFormSubmitted_WithAnImplausibleAmount_AsksToConfirm_WithACommandThatRecordsIt()
    {
        var ask = await SubmitAsync("sato", "new-sales", "7億", new DateOnly(2026, 11, 20), "big deal");
        var confirm = Assert.IsType<ConfirmView>(Assert.Single(ask.Replies).View);
        Assert.Equal("report new-sales 700000000 2026-11-20 big deal --confirm", confirm.ConfirmCommand);

        await _chat.SayAsync("sato", confirm.ConfirmCommand, "en");

        var entry = Assert.Single(_outcomes.Entries);
        Assert.Equal((700_000_000m, "big deal"), (entry.Value, entry.Note));
    }
}
